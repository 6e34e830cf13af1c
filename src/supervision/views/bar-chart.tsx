/**
 * A horizontal bar chart rendered on the server as SVG: no JavaScript needed. The SVG is one image with a
 * text title for screen readers; the page always carries the same figures as a table beside it.
 */
interface Bar {
  label: string;
  /** 0–1. */
  value: number;
  text: string;
  alarm?: boolean;
}

export function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const row = 24;
  const labelW = 220;
  const barW = 360;
  const height = bars.length * row + 30;
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        viewBox={`0 0 ${labelW + barW + 80} ${height}`}
        width={labelW + barW + 80}
        height={height}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}（详细数据见下表）</title>
        {[0, 0.5, 1].map((t) => (
          <g>
            <line x1={labelW + t * barW} x2={labelW + t * barW} y1={0} y2={height - 20} stroke="#b1b4b6" />
            <text x={labelW + t * barW} y={height - 5} font-size="12" text-anchor="middle" fill="#0b0c0c">
              {Math.round(t * 100)}%
            </text>
          </g>
        ))}
        {bars.map((b, i) => (
          <g>
            <text x={labelW - 6} y={i * row + 16} font-size="13" text-anchor="end" fill="#0b0c0c">
              {b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}
            </text>
            <rect
              x={labelW}
              y={i * row + 4}
              width={Math.max(1, b.value * barW)}
              height={row - 8}
              fill={b.alarm ? '#d4351c' : '#1d70b8'}
            />
            <text x={labelW + b.value * barW + 6} y={i * row + 16} font-size="12" fill="#0b0c0c">
              {b.text}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
