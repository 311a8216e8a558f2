import { homeOf, type AppState } from '#lib/app/app-state.svelte.ts';

/**
 * After accepting an invitation or resetting a password: sign this device in with what the
 * person just typed, and answer where their home is. Not when someone else is signed in
 * here (their unsynced changes must not be wiped by another person's sign-in): then null,
 * and the page says to sign in.
 */
export async function signInAfter(app: AppState, email: string, password: string): Promise<string | null> {
  const current = app.user;
  if (current && current.email.toLowerCase() !== email.toLowerCase()) return null;
  const device = app.device ?? (await app.openDevice());
  const user = await device.signIn(email, password);
  return homeOf(user.role);
}
