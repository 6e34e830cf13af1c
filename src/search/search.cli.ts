/** `gongkai search reindex | query`: rebuild the full-text index; try a query from the command line. */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { type WithContext } from '../cli/kit.js';
import { indexFor, useFullTextSearch } from './catalog-search.js';
import { reindex } from './reindex.js';

export function registerSearchCommands(program: Command, withContext: WithContext): void {
  const search = program.command('search').description('全文检索');
  search
    .command('reindex')
    .description('从公开目录重建全文检索索引（重建期间检索照常可用）')
    .option('--quiet', '不显示进度条')
    .action(async (o: { quiet?: boolean }) => {
      useFullTextSearch();
      await withContext(async (ctx) => {
        const bar = new SingleBar(
          {
            format: '重建索引 [{bar}] {percentage}% | {value}/{total} 条 | 剩余 {eta}s',
            stream: process.stderr,
          },
          Presets.shades_classic,
        );
        let started = false;
        const r = await reindex(ctx, (done, total) => {
          if (o.quiet) return;
          if (!started) {
            bar.start(total, done);
            started = true;
          } else bar.update(done);
        });
        if (started) bar.stop();
        console.log(`已重建索引：${r.indexed} 条信息；移除已撤回或已删除的条目 ${r.removed} 条。`);
      });
    });
  search
    .command('query <text...>')
    .description('检索已公开的信息，如：gongkai search query 仲政[2025]3号')
    .option('--drafts', '包括草稿（管理检索）')
    .action(async (text: string[], o: { drafts?: boolean }) => {
      await withContext(async (ctx) => {
        const r = await indexFor(ctx.db).query(ctx.db, {
          text: text.join(' '),
          filters: { includeDrafts: !!o.drafts },
        });
        console.log(`共 ${r.total}${r.totalIsExact ? '' : '+'} 条`);
        for (const h of r.hits) console.log(`${h.publishedOn}  ${h.docNo || '—'}  ${h.title}`);
      });
    });
}
