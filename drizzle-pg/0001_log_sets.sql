-- A log entry holds its sets (docs/DESIGN.md "Sets"), as drizzle/0008_log_sets.sql does for
-- SQLite: every stored entry without them gets an empty record; an entry with sets is untouched.
UPDATE "logs" SET "entries" = (
  SELECT json_object_agg(e.key, CASE WHEN e.value::jsonb ? 'sets' THEN e.value ELSE (e.value::jsonb || '{"sets":{}}'::jsonb)::json END)
  FROM json_each("logs"."entries") AS e
) WHERE "entries"::text <> '{}';
