/**
 * `gongkai supervision dashboard --agency X [--year N] [--json]`: the dashboard's figures for the agencies X
 * supervises (and X itself), one tab-separated row per agency, with the critical alarm on stderr. Same use
 * case and scope rule as /admin/supervision.
 */
import type { Command } from 'commander';
import { agenciesStore } from '../access/agencies.store.js';
import { scopeOf } from '../access/permissions.js';
import { type Actor } from '../platform/actor.js';
import { legalToday } from '../calendar/legal-day.js';
import { resolveAgency, type WithContext } from '../cli/kit.js';
import { validationFailed } from '../platform/errors.js';
import { gradeText, supervisionDashboard, type DashboardRow } from './dashboard.js';

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

const columns: Array<[string, (r: DashboardRow) => string | number]> = [
  ['单位', (r) => r.name],
  ['发布条目', (r) => r.items.published],
  ['超期发布', (r) => r.items.late],
  ['主动公开及时率', (r) => pct(r.rates.items)],
  ['收到申请', (r) => r.requests.received],
  ['办结申请', (r) => r.requests.closed],
  ['申请按时办结率', (r) => pct(r.rates.requests)],
  ['超期未办结申请', (r) => r.requests.overdue],
  ['收到留言', (r) => r.messages.received],
  ['答复留言', (r) => r.messages.closed],
  ['留言按时答复率', (r) => pct(r.rates.messages)],
  ['超期未答复留言', (r) => r.messages.overdue],
  ['超3个月未答复', (r) => r.messages.critical],
  ['社会评议得分', (r) => (r.rating ? r.rating.overall.toFixed(2) : '-')],
  ['考核得分', (r) => (r.assessment ? `${r.assessment.score}（${gradeText(r.assessment.grade)}）` : '-')],
];

export function registerSupervisionCommands(program: Command, withContext: WithContext): void {
  // The scorecard registers `supervision scorecard` too: share the one command group.
  const supervision =
    program.commands.find((c) => c.name() === 'supervision') ??
    program.command('supervision').description('监督保障');
  supervision
    .command('dashboard')
    .description(
      '打印主管部门所辖单位的监督数据，如：gongkai supervision dashboard --agency 固镇县人民政府办公室 --year 2025',
    )
    .requiredOption('--agency <agency>', '主管部门（统一社会信用代码或全称）')
    .option('--year <year>', '年度（默认今年）')
    .option('--json', '输出 JSON')
    .action(async (o: { agency: string; year?: string; json?: boolean }) => {
      await withContext(async (ctx) => {
        const today = legalToday(ctx);
        const thisYear = Number(today.slice(0, 4));
        const year = o.year === undefined ? thisYear : Number(o.year);
        if (!/^\d{4}$/.test(o.year ?? String(thisYear)) || year < 2008 || year > thisYear)
          throw validationFailed({ year: `年度应为 2008 至 ${thisYear} 之间的四位数字` }, '年度有误。');
        const office = await resolveAgency(ctx, o.agency);
        const all = await agenciesStore.all(ctx.db);
        // The same rule as a supervisor's account at that office: the agencies naming it, their subtrees, itself.
        const actor: Actor = {
          kind: 'user',
          userId: 'cli',
          label: '命令行',
          grants: [{ agencyId: office.id, role: 'supervisor' }],
        };
        const scope = scopeOf(actor, 'reports.supervise', all);
        const agencies = all.filter((a) => scope.has(a.id));
        const to = year === thisYear ? today : `${year}-12-31`;
        const d = await supervisionDashboard(ctx.db, agencies, { from: `${year}-01-01`, to, today });
        const critical = d.alarms.filter((a) => a.critical).length;
        if (critical) console.error(`严重告警：${critical} 条留言超过3个月未答复，请立即督办。`);
        if (o.json) {
          console.log(JSON.stringify({ year, to, ...d }, null, 2));
          return;
        }
        console.log(`${office.name} ${year}年监督数据（统计至 ${to}）`);
        console.log(columns.map(([h]) => h).join('\t'));
        for (const r of d.rows) console.log(columns.map(([, f]) => String(f(r))).join('\t'));
      });
    });
}
