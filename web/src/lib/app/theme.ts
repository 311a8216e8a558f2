/**
 * Light, dark or the system's setting, chosen per device and kept in localStorage (a display
 * preference of this screen, not of the person: a phone in a dark gym and a desk monitor may
 * differ). `tokens.css` reads `data-theme` on <html> to pin `color-scheme`.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'spotter-theme';

export function readTheme(storage: Pick<Storage, 'getItem'> = localStorage): ThemeChoice {
  const v = storage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function saveTheme(choice: ThemeChoice, storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage): void {
  if (choice === 'system') storage.removeItem(KEY);
  else storage.setItem(KEY, choice);
  applyTheme(choice);
}
