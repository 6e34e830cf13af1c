/**
 * The batch summary as one self-contained HTML page (beside the XLSX): a real table with a caption and
 * header cells, readable without scripts or a network, for supervisors who do not open spreadsheets.
 */
import { renderToString } from 'preact-render-to-string';
import type { BatchItem } from './batch.js';
import { SUMMARY_COLUMNS, summaryRow } from './summary.js';

const STYLE = `body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#1b1b1b;line-height:1.5}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:bold;margin-bottom:.5rem}
th,td{border:1px solid #757575;padding:.4rem .5rem;vertical-align:top;text-align:left}
thead th{background:#eee}td.num{text-align:right}.bad{color:#a00000;font-weight:bold}td.top{white-space:pre-line}`;

export function summaryHtml(items: BatchItem[], generatedAt: string): string {
  const rows = items.map(summaryRow);
  const unread = rows.filter((r) => !r.status.startsWith('已审查')).length;
  const page = (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>年报审查汇总</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <main>
          <h1>年报审查汇总</h1>
          <p>
            共 {rows.length} 份文件，其中 {unread} 份未能审查；生成时间 {generatedAt}。
          </p>
          <table>
            <caption>每份年报一行：错误与警告的数量和主要问题</caption>
            <thead>
              <tr>
                {SUMMARY_COLUMNS.map((c) => (
                  <th scope="col">{c.header}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">{r.file}</th>
                  <td class={r.status.startsWith('已审查') ? '' : 'bad'}>{r.status}</td>
                  <td>{r.agency || '未识别'}</td>
                  <td>{r.year ?? '未识别'}</td>
                  <td>{r.formats}</td>
                  <td class="num">{r.errors}</td>
                  <td class="num">{r.warnings}</td>
                  <td class="top">{r.top}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </main>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${renderToString(page)}`;
}
