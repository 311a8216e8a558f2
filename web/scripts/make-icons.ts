// Draws the app icons (a white dumbbell on teal) as real PNGs with node's zlib: ImageMagick
// is not installed here. Run once with `npx node web/scripts/make-icons.ts`; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => number[]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a = 255] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The dumbbell, in unit coordinates (0..1) of the area it is drawn in. */
function dumbbell(u: number, v: number): boolean {
  const bar = u > 0.2 && u < 0.8 && Math.abs(v - 0.5) < 0.05;
  const inner = (u > 0.22 && u < 0.32) || (u > 0.68 && u < 0.78);
  const outer = (u > 0.1 && u < 0.2) || (u > 0.8 && u < 0.9);
  return bar || (inner && Math.abs(v - 0.5) < 0.25) || (outer && Math.abs(v - 0.5) < 0.17);
}

/** `inset`: share of each side kept clear (maskable icons must keep content in the middle 80 %). */
function icon(size: number, { rounded, inset }: { rounded: boolean; inset: number }): Buffer {
  const radius = rounded ? size * 0.18 : 0;
  return png(size, (x, y) => {
    const cx = Math.max(radius - x, 0, x - (size - 1 - radius));
    const cy = Math.max(radius - y, 0, y - (size - 1 - radius));
    if (rounded && cx * cx + cy * cy > radius * radius) return [0, 0, 0, 0];
    const u = (x / size - inset) / (1 - 2 * inset);
    const v = (y / size - inset) / (1 - 2 * inset);
    return dumbbell(u, v) ? WHITE : TEAL;
  });
}

const out = new URL('../static/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), icon(192, { rounded: true, inset: 0.05 }));
writeFileSync(new URL('icon-512.png', out), icon(512, { rounded: true, inset: 0.05 }));
writeFileSync(new URL('maskable-512.png', out), icon(512, { rounded: false, inset: 0.2 }));
console.log('icons written to', out.pathname);
