import { describe, expect, it } from 'vitest';
import { COMPLIANCE_DROP_DAYS, COMPLIANCE_WINDOW_DAYS, LATE_WINDOW_DAYS } from './compliance.ts';
import { ENGAGEMENT_WINDOW_DAYS } from './engagement.ts';
import { INBOX_WINDOW_DAYS } from './inbox.ts';
import { DASHBOARD_HISTORY_DAYS, RECENT_FIRST_DAYS } from './recent-window.ts';

// The dashboard reads DASHBOARD_HISTORY_DAYS back, and a first sync brings RECENT_FIRST_DAYS
// first: both must cover every window a dashboard number looks at, and no more than the longest.
const windows: [string, number][] = [
  ['compliance 14 days ago (its window ends 14 days back)', COMPLIANCE_DROP_DAYS + COMPLIANCE_WINDOW_DAYS],
  ['engagement', ENGAGEMENT_WINDOW_DAYS],
  ['late count', LATE_WINDOW_DAYS],
  ['unread messages and comments (the inbox)', INBOX_WINDOW_DAYS],
];

describe('the recent window', () => {
  it.each(windows)('covers %s (%i days)', (_name, days) => {
    expect(DASHBOARD_HISTORY_DAYS).toBeGreaterThanOrEqual(days);
    expect(RECENT_FIRST_DAYS).toBeGreaterThan(days);
  });

  it('is the longest of them, plus a day for the first sync (the server may be a day behind the coach)', () => {
    expect(DASHBOARD_HISTORY_DAYS).toBe(Math.max(...windows.map(([, d]) => d)));
    expect(RECENT_FIRST_DAYS).toBe(DASHBOARD_HISTORY_DAYS + 1);
  });
});
