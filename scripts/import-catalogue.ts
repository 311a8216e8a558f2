// Imports the exercise catalogue (free-exercise-db, public domain: see README "Credits") into the
// project, so a clone works alone (docs/DESIGN.md "Exercise catalogue"):
//   node scripts/import-catalogue.ts <folder holding catalogue.json and images/>
// Writes the facts, compacted and with each photo's size (for width/height attributes), to
// web/src/lib/catalogue/catalogue.json and copies the photos to web/static/catalogue/<id>/.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Source {
  id: string;
  name: string;
  category: string;
  force: string | null;
  level: string;
  mechanic: string | null;
  equipment: string | null;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  images: string[];
}

/** Width and height from a WebP file's header (VP8, VP8L or VP8X chunk). */
function webpSize(buf: Buffer): [number, number] {
  const chunk = buf.toString('ascii', 12, 16);
  if (chunk === 'VP8 ') return [buf.readUInt16LE(26) & 0x3fff, buf.readUInt16LE(28) & 0x3fff];
  if (chunk === 'VP8L') {
    const b = buf.readUInt32LE(21);
    return [(b & 0x3fff) + 1, ((b >> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X') return [buf.readUIntLE(24, 3) + 1, buf.readUIntLE(27, 3) + 1];
  throw new Error(`not a WebP file (${chunk})`);
}

const from = process.argv[2];
if (!from) throw new Error('usage: node scripts/import-catalogue.ts <catalogue folder>');
const root = fileURLToPath(new URL('..', import.meta.url));
const source = JSON.parse(readFileSync(join(from, 'catalogue.json'), 'utf8')) as Source[];
const out = source.map((e) => {
  // Photos are <id>/<n>.webp; only their sizes are kept.
  const photos = e.images.map((rel, n) => {
    if (rel !== `${e.id}/${n}.webp`) throw new Error(`unexpected photo path ${rel}`);
    const file = join(from, 'images', rel);
    const dest = join(root, 'web/static/catalogue', rel);
    mkdirSync(join(dest, '..'), { recursive: true });
    copyFileSync(file, dest);
    const [w, h] = webpSize(readFileSync(file));
    return [w, h];
  });
  return {
    id: e.id,
    name: e.name,
    category: e.category,
    force: e.force,
    level: e.level,
    mechanic: e.mechanic,
    equipment: e.equipment,
    primary: e.primaryMuscles,
    secondary: e.secondaryMuscles,
    photos,
  };
});
writeFileSync(join(root, 'web/src/lib/catalogue/catalogue.json'), `${JSON.stringify(out)}\n`);
console.log(`${out.length} exercises, ${out.reduce((n, e) => n + e.photos.length, 0)} photos`);
