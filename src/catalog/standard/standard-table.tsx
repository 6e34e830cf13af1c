/** The basic-level standard catalog as a table with the columns of spec §5.3, for admin and portal alike. */
import { basicDomainName } from '../data/basic-domains.js';
import type { StandardEntry } from './standard-catalog.js';

export function StandardCatalogTable({ entries }: { entries: StandardEntry[] }) {
  return (
    <table class="standard-catalog">
      <caption>基层政务公开标准目录（共 {entries.length} 项）</caption>
      <thead>
        <tr>
          <th scope="col">序号</th>
          <th scope="col">领域</th>
          <th scope="col">一级事项</th>
          <th scope="col">二级事项</th>
          <th scope="col">公开内容（要素）</th>
          <th scope="col">公开依据</th>
          <th scope="col">公开时限</th>
          <th scope="col">公开主体</th>
          <th scope="col">公开渠道和载体</th>
          <th scope="col">公开对象</th>
          <th scope="col">公开方式</th>
          <th scope="col">公开层级</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, n) => (
          <tr>
            <td>{n + 1}</td>
            <td>{basicDomainName.get(e.domainCode) ?? e.domainCode}</td>
            <td>{e.level1}</td>
            <td>{e.level2}</td>
            <td>{e.content}</td>
            <td>{e.basis}</td>
            <td>{e.timeLimit}</td>
            <td>{e.subject}</td>
            <td>{e.channels.join('、')}</td>
            <td>{e.audience}</td>
            <td>{e.mode}</td>
            <td>{e.tier}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
