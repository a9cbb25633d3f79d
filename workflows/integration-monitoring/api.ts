import type { Api } from '../../api/route';
import type { Db } from '../../db/client';
import { indicatorRoutes } from './indicators-api';
import { monitoringReportRoutes } from './reports-api';

/** The monitoring's own resources: its indicators (master data) and its published reports. */
export function monitoringRoutes(api: Api, db: Db): void {
  indicatorRoutes(api, db);
  monitoringReportRoutes(api, db);
}
