import { HttpError } from '../data/api.ts';
import type { ExportFile } from '../data/export.ts';

/** Hands a finished export to the browser as a download (a link with `download`, then let go). */
export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has started reading it; a minute is ample before the memory is given back.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What the person is told once saved: which file, and whether it is the device's copy. */
export function exportSavedText(file: Pick<ExportFile, 'fileName' | 'source'>): string {
  return file.source === 'device'
    ? `Saved ${file.fileName}: the copy this device holds, made offline. Download again when you are online for everything the server has.`
    : `Saved ${file.fileName}: everything Spotter's server holds that you may see.`;
}

export function exportFailureText(e: unknown): string {
  if (e instanceof HttpError) return e.status >= 500 ? "Spotter's server could not prepare your data just now: try again in a moment." : e.message;
  return e instanceof Error ? `Your data could not be prepared: ${e.message}` : 'Your data could not be prepared.';
}
