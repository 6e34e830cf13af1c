/**
 * Every capability's routes, by surface. Order matters only where paths overlap: the agency portal's
 * catch-all segment (`/:agency/…`) comes last.
 */
import type { NamedRecomputer } from '../calendar/recompute-registry.js';
import type { RouteModule } from '../web/services.js';
import { registerAdminRoutes } from '../web/dashboard.admin.js';
import { registerAgencyAdminRoutes } from '../agencies/agencies.admin.js';
import { registerUserAdminRoutes } from '../agencies/users.admin.js';
import { registerAgencyApi } from '../agencies/agencies.api.js';
import { registerPortalRoutes } from '../agencies/agencies.portal.js';
import { registerRequestPortalRoutes } from '../requests/public/requests.portal.js';
import { registerRequestAdminRoutes } from '../requests/requests.admin.js';
import { registerRequestOverviewRoutes } from '../requests/overview/requests.supervisor.admin.js';
import { registerTransferRoutes } from '../requests/transfer/transfer-to-catalog.admin.js';
import { registerImportRoutes } from '../requests/import/import-cases.admin.js';
import { registerNoticeTemplateRoutes } from '../requests/notices/notice-templates.admin.js';
import { registerCalendarAdminRoutes } from '../calendar/calendar.admin.js';
import { registerReportAdminRoutes } from '../reports/web/reports.admin.js';
import { registerAuditAdminRoutes } from '../audit/audit.admin.js';
import { registerAnnualReportPortal } from '../annual-reports/annual-reports.portal.js';
import { registerAnnualReportAdmin } from '../annual-reports/annual-reports.admin.js';
import { registerMessageAdminRoutes } from '../interaction/messages.admin.js';
import { registerMessagePublicRoutes } from '../interaction/messages.portal.js';
import {
  registerRatingAdminRoutes,
  registerRatingPublicRoutes,
} from '../interaction/rating/ratings.admin.js';
import { registerOpenRatingAdminRoutes } from '../interaction/rating/open-ratings.admin.js';
import { registerOpenRatingPublicRoutes } from '../interaction/rating/open-ratings.portal.js';
import { registerConsultationAdminRoutes } from '../interaction/consultation/consultations.admin.js';
import { registerConsultationPublicRoutes } from '../interaction/consultation/consultations.portal.js';
import { registerSupervisionRoutes } from '../supervision/supervision.admin.js';
import { registerAccountabilityRoutes } from '../supervision/accountability.admin.js';
import { registerScorecardRoutes } from '../supervision/scorecard/scorecard.admin.js';
import { registerCatalogPortal } from '../catalog/portal/catalog.portal.js';
import { registerCatalogApi } from '../catalog/portal/catalog.api.js';
import { registerCatalogAdmin } from '../catalog/items/items.admin.js';
import { registerCatalogImportAdmin } from '../catalog/import/import.admin.js';
import { registerCatalogRepostAdmin } from '../catalog/aggregation/repost.admin.js';
import { registerSearchAdmin, registerSearchPortal } from '../search/search.portal.js';
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
