/**
 * The monthly trend of the always-open rating as server-rendered SVG (works without JavaScript): one bar per
 * month for the overall disclosure score on the 1–5 scale. The table beside it carries the same figures for
 * screen readers, so the picture is marked as an image with a short description.
 */
import type { YearTrend } from '../open-trends.js';

const W = 640;
const H = 220;
const PAD = { left: 36, right: 8, top: 12, bottom: 28 };

export function TrendChart({ trend, id }: { trend: YearTrend; id: string }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / 12;
  const y = (v: number) => PAD.top + plotH - (v / 5) * plotH;
  return (
    <svg
      class="trend-chart chart-narrow"
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
    >
      <title id={`${id}-title`}>{`${trend.year}年各月公众评价综合得分（满分5分，详见下表）`}</title>
      {[1, 2, 3, 4, 5].map((v) => (
        <g>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#ccc" stroke-width="1" />
          <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end" font-size="11" fill="#333">
            {v}
          </text>
        </g>
      ))}
      {trend.months.map((m, i) => {
        const x = PAD.left + i * step + step * 0.2;
        const v = m.disclosure?.overall ?? 0;
        return (
          <g>
            {m.disclosure && <rect x={x} y={y(v)} width={step * 0.6} height={y(0) - y(v)} fill="#1d5fa8" />}
            <text x={x + step * 0.3} y={H - 10} text-anchor="middle" font-size="11" fill="#333">
              {`${i + 1}月`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
