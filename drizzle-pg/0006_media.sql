CREATE TABLE "media" (
	"key" text PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"owner_id" text NOT NULL,
	"type" text NOT NULL,
	"size" bigint NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "media_type_check" CHECK ("media"."type" IN ('image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm', 'application/pdf'))
);
--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "media" json;--> statement-breakpoint
ALTER TABLE "notes" ADD COLUMN "media" json;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_id_idx" ON "media" USING btree ("id");