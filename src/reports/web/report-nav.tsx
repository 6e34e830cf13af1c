/** The sub-navigation shared by one agency-year's report screens, and the page heading. */
import type { Agency } from '../../access/agency.js';
import { reportPaths } from './paths.js';

export function ReportNav(props: {
  agency: Agency;
  year: number;
  current: 'report' | 'article20' | 'table3' | 'register';
}) {
  const { agency, year } = props;
  const items = [
    { key: 'report', href: reportPaths.report(agency.id, year), label: '年报表格与检查' },
    { key: 'article20', href: reportPaths.article20(agency.id, year), label: '主动公开数据（第二十条）' },
    { key: 'table3', href: reportPaths.table3(agency.id, year), label: '依申请公开数据（手工填报）' },
    { key: 'register', href: reportPaths.register(agency.id, year), label: '行政复议、行政诉讼登记' },
  ];
  return (
    <>
      <p>
        <a href={reportPaths.index}>年度报告</a> › {agency.name} › {year}年度
      </p>
      <nav aria-label="年报数据">
        <ul class="tabs">
          {items.map((i) => (
            <li>
              <a href={i.href} aria-current={i.key === props.current ? 'page' : undefined}>
                {i.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** Row-level problems of a refused import or form, as an error summary linking to the field. */
export function ProblemList(props: { message: string; problems: readonly string[]; field: string }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{props.message}</h2>
      <ul>
        {props.problems.map((p) => (
          <li>
            <a href={`#${props.field}`}>{p}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
