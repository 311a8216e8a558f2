// Days relative to the seed's today: past ones are done or late, future ones upcoming. Session
// k of this list is titled "… body k+1"; browser tests (e2e/client-helpers.ts) find demo
// sessions by that title, not by today's date, because a run that crosses midnight has a today
// the seed did not have.
export const sessionDays = [-20, -17, -13, -10, -6, -3, -1, 0, 2, 4, 7, 9, 11];
