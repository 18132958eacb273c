import type { AnyRoute } from '../route.ts';
import { authRoutes } from './auth.ts';
import { commentRoutes } from './comments.ts';
import { healthRoutes } from './health.ts';
import { leaderRoutes, organisationRoutes, planRoutes, unitRoutes } from './reference.ts';
import { reportRoutes } from './reports.ts';
import { taskRoutes } from './tasks.ts';
import { userRoutes } from './users.ts';

/** The route table: dispatch and the OpenAPI document both come from it. */
export function allRoutes(): AnyRoute[] {
  return [
    ...healthRoutes, ...authRoutes, ...organisationRoutes, ...planRoutes, ...unitRoutes, ...leaderRoutes, ...userRoutes,
    ...taskRoutes, ...reportRoutes, ...commentRoutes,
  ];
}
