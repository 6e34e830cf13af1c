/**
 * What the web kit is given by the composition root (src/app/): the route modules by surface and the entries
 * features contribute to the shells — admin menu and dashboard warnings, portal navigation sections, home
 * blocks and footer. The kit lists no feature itself; `buildApp(ctx, services)` attaches these to the Fastify
 * instance and the shells read them from the request (`webServicesOf`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Agency } from '../access/agency.js';
import type { Action } from '../access/permissions.js';
import type { CurrentUser } from '../access/auth/current-user.js';
import type { AppContext } from '../platform/context.js';
import type { PortalNavItem } from './views/layout.js';

export type Surface = 'public' | 'admin';

export interface RouteModule {
  surface: Surface;
  register: (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;
}

/** An admin menu entry: shown when any of the user's roles allows any of its actions. */
export interface AdminNavEntry {
  href: string;
  label: string;
  action: Action | Action[];
}

/** Warnings at the top of the dashboard, one provider per capability. */
export type AdminWarningProvider = (
  ctx: AppContext,
  user: CurrentUser,
) => Promise<{ text: string; href?: string }[]>;

/** Entries of an agency's 政府信息公开 navigation (none when the capability has nothing to show). */
export type PortalSectionProvider = (ctx: AppContext, agency: Agency) => Promise<PortalNavItem[]>;

/** A block on an agency's home page, or in the footer of each of its pages (null for nothing). */
type PortalBlock = (ctx: AppContext, agency: Agency) => Promise<ComponentChildren>;

export interface WebServices {
  /** Every capability's routes, by surface. Order matters where paths overlap: the catch-all comes last. */
  routes: RouteModule[];
  admin: {
    /** The admin menu in display order. */
    nav: AdminNavEntry[];
    warnings: AdminWarningProvider[];
  };
  portal: {
    /** Section providers in display order. */
    sections: PortalSectionProvider[];
    /** Blocks on an agency's home page, in order. */
    homeBlocks: PortalBlock[];
    /** Blocks in every portal page's footer, after the agency's address. */
    footer: PortalBlock[];
    /** Blocks on the platform's front page, above the agency tree. */
    frontPage: Array<() => ComponentChildren>;
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    webServices: WebServices;
  }
}

export function webServicesOf(request: FastifyRequest): WebServices {
  return request.server.webServices;
}
