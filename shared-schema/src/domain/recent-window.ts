import { COMPLIANCE_DROP_DAYS, COMPLIANCE_WINDOW_DAYS, LATE_WINDOW_DAYS } from './compliance.ts';
import { ENGAGEMENT_WINDOW_DAYS } from './engagement.ts';

/**
 * How far back the coach dashboard reads: the longest window any of its numbers looks at —
 * compliance 14 days ago looks back 30 more days; engagement 28; late 30.
 */
export const DASHBOARD_HISTORY_DAYS = Math.max(COMPLIANCE_WINDOW_DAYS + COMPLIANCE_DROP_DAYS, ENGAGEMENT_WINDOW_DAYS, LATE_WINDOW_DAYS);

/**
 * A device's first pull brings the rows of this many days before the server's today first
 * (sessions due since then and later, their logs, messages written since), then the older
 * history (DESIGN.md "Sync"), so the dashboard is right long before a year of history is in.
 * One day more than the dashboard's window: the coach's calendar day may be a day ahead of
 * the server's.
 */
export const RECENT_FIRST_DAYS = DASHBOARD_HISTORY_DAYS + 1;
