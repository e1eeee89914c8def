import { DashboardQuerySchema, type DashboardData } from '../domain/dashboard';
import { returns } from './define';

export const dashboardContract = {
  /** Every series of the dashboard for an election (or all) and a date range, aggregated in SQL. */
  'dashboard:series': { request: DashboardQuerySchema, response: returns<DashboardData>() },
} as const;
