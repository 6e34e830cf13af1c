/** The admin shell's entries, listed by the composition root and handed to the web kit. */
import { reviewBodyWarnings } from '../agencies/review-body.warnings.js';
import { mayManageCalendar } from '../calendar/save-arrangement.js';
import { missingYearWarnings } from '../calendar/year-status.js';
import { requestReminderWarnings } from '../requests/reminders/reminders.warnings.js';
import { criticalMessageWarnings } from '../supervision/critical-alarm.js';
import type { AdminNavEntry, AdminWarningProvider } from '../web/services.js';

/** Admin navigation: an entry shows when any of the user's roles allows any of its actions. */
export const adminNav: AdminNavEntry[] = [
  { href: '/admin/agencies', label: '机关信息', action: 'agency.read' },
  { href: '/admin/users', label: '账号管理', action: 'users.manage' },
  { href: '/admin/events', label: '操作日志', action: 'events.read' },
  { href: '/admin/requests', label: '依申请公开', action: 'requests.handle' },
  {
    href: '/admin/requests/overview',
    label: '依申请公开办理情况',
    action: ['requests.handle', 'reports.supervise'],
  },
  { href: '/admin/calendar', label: '工作日历', action: 'calendar.manage' },
  { href: '/admin/reports', label: '年度报告', action: ['reports.edit', 'reports.supervise'] },
  { href: '/admin/audit', label: '年报审查', action: 'reports.supervise' },
  { href: '/admin/annual-reports', label: '年报编写与报送', action: 'reports.edit' },
  { href: '/admin/annual-reports?review=1', label: '年报审核', action: 'reports.supervise' },
  { href: '/admin/messages', label: '留言办理', action: 'messages.handle' },
  { href: '/admin/ratings', label: '社会评议', action: 'reports.supervise' },
  { href: '/admin/consultations', label: '征集调查', action: 'messages.handle' },
  { href: '/admin/open-ratings', label: '公众评价', action: ['messages.handle', 'reports.supervise'] },
  { href: '/admin/supervision', label: '监督保障', action: ['reports.supervise', 'reports.edit'] },
  { href: '/admin/supervision/scorecard', label: '考核评分', action: 'reports.supervise' },
  { href: '/admin/accountability', label: '考核与整改', action: 'reports.edit' },
  { href: '/admin/catalog', label: '主动公开', action: 'catalog.edit' },
  { href: '/admin/search', label: '全文检索', action: 'catalog.edit' },
];

/** Warnings at the top of the dashboard; capabilities add a provider (one line each). */
export const adminWarnings: AdminWarningProvider[] = [
  async (ctx, user) =>
    (await missingYearWarnings(ctx)).map((text) => ({
      text,
      ...(mayManageCalendar(user.actor) ? { href: '/admin/calendar' } : {}),
    })),
  requestReminderWarnings,
  criticalMessageWarnings,
  reviewBodyWarnings,
];
