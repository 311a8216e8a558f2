/**
 * How far back the coach dashboard reads: the longest window any of its numbers looks at —
 * compliance 14 days ago looks back 30 more days (COMPLIANCE_DROP_DAYS + COMPLIANCE_WINDOW_DAYS);
 * engagement 28; late 30 (recent-window.test.ts keeps this equal to the longest). A literal, not
 * computed from those: a top-level read of another module's constants makes the bundler put
 * compliance.ts and engagement.ts on the sign-in page too (+8 KB gzip).
 */
export const DASHBOARD_HISTORY_DAYS = 44;

/**
 * A device's first pull brings the rows of this many days before the server's today first
 * (sessions due since then and later, their logs, messages written since), then the older
 * history (docs/DESIGN.md "First sync, recent weeks first"), so the dashboard is right long before a year of history is in.
 * One day more than the dashboard's window: the coach's calendar day may be a day ahead of
 * the server's.
 */
export const RECENT_FIRST_DAYS = DASHBOARD_HISTORY_DAYS + 1;
