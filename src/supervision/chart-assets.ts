/**
 * The dashboard's scripts, served from this origin (CSP `script-src 'self'`) under URLs that change with their
 * content, so browsers may cache them for a year: ECharts' own build from node_modules, and our small
 * enhancement script that turns the figure tables into charts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const echartsDir = new URL('../../node_modules/echarts/', import.meta.url);
const echartsVersion = (
  JSON.parse(readFileSync(new URL('package.json', echartsDir), 'utf8')) as { version: string }
).version;
const chartScript = fileURLToPath(new URL('./static/dashboard-charts.js', import.meta.url));
const chartScriptHash = createHash('sha256').update(readFileSync(chartScript)).digest('hex').slice(0, 10);

export const echartsUrl = `/assets/echarts-${echartsVersion}.min.js`;
export const chartScriptUrl = `/assets/dashboard-charts-${chartScriptHash}.js`;

const YEAR = 'public, max-age=31536000, immutable';

export function registerChartAssets(app: FastifyInstance): void {
  const serve = (url: string, file: string) => {
    let body: Buffer | undefined;
    app.get(url, async (_request, reply) => {
      body ??= readFileSync(file);
      return reply.type('text/javascript; charset=utf-8').header('cache-control', YEAR).send(body);
    });
  };
  serve(echartsUrl, fileURLToPath(new URL('dist/echarts.min.js', echartsDir)));
  serve(chartScriptUrl, chartScript);
}
