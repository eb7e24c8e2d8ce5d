import { api } from '../../../api/api-client.js';
import type { DashboardResponse, Stats } from '../../../api/contracts.js';

/** Figures and charts for the active organisation. */
export function fetchDashboard(signal?: AbortSignal): Promise<DashboardResponse> {
  return api.get<DashboardResponse>('/api/dashboard', { signal });
}

/** Table counts; platform admins only. */
export function fetchStats(signal?: AbortSignal): Promise<Stats> {
  return api.get<Stats>('/api/stats', { signal });
}
