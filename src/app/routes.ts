/**
 * Every capability's routes, by surface. Order matters only where paths overlap: the agency portal's
 * catch-all segment (`/:agency/…`) comes last.
 */
import type { NamedRecomputer } from '../calendar/recompute-registry.js';
import type { RouteModule } from '../web/services.js';
import { registerAdminRoutes } from '../web/admin.routes.js';
import { registerAgencyAdminRoutes } from '../agencies/agencies.routes.js';
import { registerUserAdminRoutes } from '../agencies/users.routes.js';
import { registerAgencyApi } from '../agencies/agencies.api.js';
import { registerPortalRoutes } from '../agencies/portal.routes.js';
import { registerRequestPortalRoutes } from '../requests/requests.portal.js';
import { registerRequestAdminRoutes } from '../requests/requests.routes.js';
import { registerRequestOverviewRoutes } from '../requests/requests.supervisor.routes.js';
import { registerTransferRoutes } from '../requests/transfer-to-catalog.routes.js';
import { registerImportRoutes } from '../requests/import-cases.routes.js';
import { registerNoticeTemplateRoutes } from '../requests/notices/notice-templates.routes.js';
import { registerCalendarAdminRoutes } from '../calendar/calendar.routes.js';
import { registerReportAdminRoutes } from '../reports/web/reports.routes.js';
import { registerAuditAdminRoutes } from '../audit/audit.routes.js';
import { registerAnnualReportPortal } from '../annual-reports/annual-reports.portal.js';
import { registerAnnualReportAdmin } from '../annual-reports/annual-reports.routes.js';
import { registerMessageAdminRoutes } from '../interaction/messages.admin.js';
import { registerMessagePublicRoutes } from '../interaction/messages.public.js';
import {
  registerRatingAdminRoutes,
  registerRatingPublicRoutes,
} from '../interaction/rating/ratings.routes.js';
import { registerOpenRatingAdminRoutes } from '../interaction/rating/open-ratings.admin.js';
import { registerOpenRatingPublicRoutes } from '../interaction/rating/open-ratings.public.js';
import { registerConsultationAdminRoutes } from '../interaction/consultation/consultations.admin.js';
import { registerConsultationPublicRoutes } from '../interaction/consultation/consultations.public.js';
import { registerSupervisionRoutes } from '../supervision/supervision.routes.js';
import { registerAccountabilityRoutes } from '../supervision/accountability.routes.js';
import { registerScorecardRoutes } from '../supervision/scorecard/scorecard.routes.js';
import { registerCatalogPortal } from '../catalog/portal/catalog.portal.js';
import { registerCatalogApi } from '../catalog/portal/catalog.api.js';
import { registerCatalogAdmin } from '../catalog/items/items.admin.js';
import { registerCatalogImportAdmin } from '../catalog/import/import.admin.js';
import { registerCatalogRepostAdmin } from '../catalog/aggregation/repost.admin.js';
import { registerSearchAdmin, registerSearchPortal } from '../search/search.routes.js';
import { registerSearchApi } from '../search/search.api.js';

/** The route modules; routes that run use cases needing services get them here. */
export function routeModules(services: { calendarRecomputers: readonly NamedRecomputer[] }): RouteModule[] {
  return [
    { surface: 'admin', register: registerAdminRoutes },
    { surface: 'admin', register: registerAgencyAdminRoutes },
    { surface: 'admin', register: registerUserAdminRoutes },
    {
      surface: 'admin',
      register: (app, ctx) => registerCalendarAdminRoutes(app, ctx, services.calendarRecomputers),
    },
    { surface: 'admin', register: registerReportAdminRoutes },
    { surface: 'admin', register: registerAuditAdminRoutes },
    { surface: 'admin', register: registerSearchAdmin },
    { surface: 'public', register: registerAgencyApi },
    { surface: 'admin', register: registerAnnualReportAdmin },
    { surface: 'public', register: registerAnnualReportPortal },
    { surface: 'admin', register: registerMessageAdminRoutes },
    { surface: 'public', register: registerMessagePublicRoutes },
    { surface: 'admin', register: registerRatingAdminRoutes },
    { surface: 'admin', register: registerSupervisionRoutes },
    { surface: 'admin', register: registerAccountabilityRoutes },
    { surface: 'admin', register: registerScorecardRoutes },
    { surface: 'public', register: registerRatingPublicRoutes },
    { surface: 'admin', register: registerOpenRatingAdminRoutes },
    { surface: 'public', register: registerOpenRatingPublicRoutes },
    { surface: 'admin', register: registerConsultationAdminRoutes },
    { surface: 'public', register: registerConsultationPublicRoutes },
    { surface: 'admin', register: registerRequestAdminRoutes },
    { surface: 'admin', register: registerRequestOverviewRoutes },
    { surface: 'admin', register: registerTransferRoutes },
    { surface: 'admin', register: registerImportRoutes },
    { surface: 'admin', register: registerNoticeTemplateRoutes },
    { surface: 'public', register: registerRequestPortalRoutes },
    { surface: 'admin', register: registerCatalogAdmin },
    { surface: 'admin', register: registerCatalogImportAdmin },
    { surface: 'admin', register: registerCatalogRepostAdmin },
    { surface: 'public', register: registerCatalogApi },
    { surface: 'public', register: registerCatalogPortal },
    { surface: 'public', register: registerSearchApi },
    { surface: 'public', register: registerSearchPortal },
    { surface: 'public', register: registerPortalRoutes },
  ];
}
