import type { AnyRoute } from '../route.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { commentRoutes } from './comments.ts';
import { dashboardRoutes } from './dashboard.ts';
import { documentRoutes } from './documents.ts';
import { exportRoutes } from './exports.ts';
import { healthRoutes } from './health.ts';
import { notificationRoutes } from './notifications.ts';
import { publicRoutes } from './public.ts';
import { reconciliationRoutes } from './reconciliation.ts';
import { leaderRoutes, organisationRoutes, planRoutes, unitRoutes } from './reference.ts';
import { reportQueueRoutes } from './report-queue.ts';
import { reportRoutes } from './reports.ts';
import { settingsRoutes } from './settings.ts';
import { taskRoutes } from './tasks.ts';
import { userRoutes } from './users.ts';
import { wizardRoutes } from './wizard.ts';

/** The route table: dispatch and the OpenAPI document both come from it. */
export function allRoutes(): AnyRoute[] {
  return [
    ...healthRoutes, ...authRoutes, ...organisationRoutes, ...planRoutes, ...unitRoutes, ...leaderRoutes, ...userRoutes,
    ...taskRoutes, ...reportRoutes, ...commentRoutes, ...documentRoutes, ...dashboardRoutes, ...reconciliationRoutes,
    ...notificationRoutes, ...settingsRoutes, ...auditRoutes, ...publicRoutes, ...exportRoutes,
    ...wizardRoutes, ...reportQueueRoutes,
  ];
}
