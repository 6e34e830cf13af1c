/**
 * The composition root: the typed services object built once and handed to HTTP (`buildApp(ctx, services)`),
 * the CLI (`buildProgram(services)`) and the process entry (main.ts). Features list their entries here
 * (routes, admin menu and warnings, portal sections, due-date recomputers); the layers below — web/, calendar/,
 * platform/ — list none. Nothing outside this folder imports it (eslint.config.js); bin/gongkai.js runs cli.ts.
 */
import type { NamedRecomputer } from '../calendar/recompute-registry.js';
import type { WebServices } from '../web/services.js';
import { adminNav, adminWarnings } from './admin.js';
import { portal } from './portal.js';
import { caseRecomputers } from './recomputers.js';
import { routeModules } from './routes.js';

export interface Services extends WebServices {
  /** Run when a holiday arrangement is saved (admin screen, `gongkai calendar import`). */
  calendarRecomputers: readonly NamedRecomputer[];
}

/**
 * The platform's services. `calendarRecomputers` may be replaced (tests add a recomputer of their own); the
 * routes are built over the list given.
 */
export function appServices(options: { calendarRecomputers?: readonly NamedRecomputer[] } = {}): Services {
  const calendarRecomputers = options.calendarRecomputers ?? caseRecomputers;
  return {
    calendarRecomputers,
    routes: routeModules({ calendarRecomputers }),
    admin: { nav: adminNav, warnings: adminWarnings },
    portal,
  };
}
