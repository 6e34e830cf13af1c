/**
 * Every capability's routes, by surface. Order matters only where paths overlap: the agency portal's
 * catch-all segment (`/:agency/…`) comes last.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.js';
import type { Surface } from './app.js';
import { registerAdminRoutes } from './admin.routes.js';
import { registerAgencyAdminRoutes } from '../agencies/agencies.routes.js';
import { registerAgencyApi } from '../agencies/agencies.api.js';
import { registerPortalRoutes } from './portal.routes.js';
import { registerCatalogPortal } from '../catalog/catalog.portal.js';
import { registerCatalogApi } from '../catalog/catalog.api.js';
import { registerCatalogAdmin } from '../catalog/catalog.admin.js';
import { registerSearchAdmin, registerSearchPortal } from '../search/search.routes.js';
import { registerSearchApi } from '../search/search.api.js';

export interface RouteModule {
  surface: Surface;
  register: (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;
}

export const routeModules: RouteModule[] = [
  { surface: 'admin', register: registerAdminRoutes },
  { surface: 'admin', register: registerAgencyAdminRoutes },
  { surface: 'admin', register: registerCatalogAdmin },
  { surface: 'admin', register: registerSearchAdmin },
  { surface: 'public', register: registerAgencyApi },
  { surface: 'public', register: registerCatalogApi },
  { surface: 'public', register: registerCatalogPortal },
  { surface: 'public', register: registerSearchApi },
  { surface: 'public', register: registerSearchPortal },
  { surface: 'public', register: registerPortalRoutes },
];
