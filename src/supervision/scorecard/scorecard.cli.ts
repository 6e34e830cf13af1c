/**
 * `gongkai supervision scorecard --year N [--office 路径]`: compute the year's 考核 scorecard of one supervising
 * office, or of every office that supervises agencies, as the system; prints each agency's total and grade.
 */
import type { Command } from 'commander';
import { agenciesStore } from '../../access/agencies.store.js';
import { systemActor } from '../../platform/actor.js';
import { type WithContext } from '../../cli/kit.js';
import { validationFailed } from '../../platform/errors.js';
import { gradeLabel } from '../accountability.js';
import { computeScorecard } from './compute-scorecard.js';
import { officesOf, parseScorecardYear } from './scope.js';

export function registerScorecardCommands(program: Command, withContext: WithContext): void {
  const supervision =
    program.commands.find((c) => c.name() === 'supervision') ??
    program.command('supervision').description('监督保障：考核与责任追究');
  supervision
    .command('scorecard')
    .description('按考核评分表计算年度考核结果，并记入考核结果')
    .requiredOption('--year <year>', '考核年度，如 2025')
    .option('--office <segment>', '主管部门的网站路径（不填则计算所有主管部门）')
    .action(async (o: { year: string; office?: string }) => {
      const year = parseScorecardYear(o.year);
      await withContext(async (ctx) => {
        const actor = systemActor('命令行');
        const offices = officesOf(actor, await agenciesStore.all(ctx.db)).filter(
          (a) => !o.office || a.pathSegment === o.office,
        );
        if (o.office && offices.length === 0)
          throw validationFailed({ office: `没有网站路径为 ${o.office} 的主管部门` });
        for (const office of offices) {
          const r = await computeScorecard(ctx, actor, { officeId: office.id, year });
          console.log(`${office.name} ${year}年度考核（统计至 ${r.asOf}）：${r.results.length} 个单位`);
          const ranked = [...r.results].sort((a, b) => b.total - a.total);
          ranked.forEach((x, i) => console.log(`${i + 1}\t${x.total}\t${gradeLabel[x.grade]}\t${x.name}`));
        }
        if (offices.length === 0) console.log('没有主管部门，未计算。');
      });
    });
}
