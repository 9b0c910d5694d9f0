/** What the dashboard reads first (fetched early when the app opens on /dashboard). */
export const DASHBOARD_DATA = ['/api/assets', '/api/analysis/summary', '/api/analysis/spending'] as const;
