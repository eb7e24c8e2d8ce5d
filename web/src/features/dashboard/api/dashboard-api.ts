import { api } from '../../../api/api-client.js';
import type { DashboardResponse } from '../../../api/contracts.js';

/** Figures and charts for the active organisation. */
export function fetchDashboard(signal?: AbortSignal): Promise<DashboardResponse> {
  return api.get<DashboardResponse>('/api/dashboard', { signal });
}
