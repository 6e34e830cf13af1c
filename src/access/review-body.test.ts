import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Agency, AgencyLevel } from './agency.js';
import { derivedReviewBody, reviewBodyFindings, reviewBodyOf } from './review-body.js';

type Row = Pick<
  Agency,
  'id' | 'parentId' | 'name' | 'level' | 'reconsiderationBody' | 'reconsiderationBodyReason'
>;
const row = (
  id: string,
  parentId: string | null,
  level: AgencyLevel,
  name: string,
  body = '',
  reason = '',
): Row => ({
  id,
  parentId,
  level,
  name,
  reconsiderationBody: body,
  reconsiderationBodyReason: reason,
});

/** 安徽省 → 蚌埠市 → 固镇县 with its office, departments, a township and a street; 蚌埠市's own bureau. */
const tree: Row[] = [
  row('ah', null, 'province', '安徽省人民政府'),
  row('ahjyt', 'ah', 'department', '安徽省教育厅'),
  row('bb', 'ah', 'city', '蚌埠市人民政府'),
  row('bbzrzy', 'bb', 'department', '蚌埠市自然资源和规划局'),
  row('gz', 'bb', 'county', '固镇县人民政府'),
  row('gzb', 'gz', 'general_office', '固镇县人民政府办公室'),
  row('gzjy', 'gz', 'department', '固镇县教育局'),
  row('gzjyzx', 'gzjy', 'department', '固镇县教育局考试中心'),
  row('zx', 'gz', 'township', '固镇县仲兴乡人民政府'),
  row('cg', 'gz', 'street', '固镇县城关街道办事处'),
];

test('行政复议法 Art. 24: the 复议机关 of each level, derived from the tree', () => {
  const cases: [string, string, RegExp][] = [
    ['ah', '安徽省人民政府', /第二十四条第二款/], // ¶2: a province reviews its own acts
    ['ahjyt', '安徽省人民政府', /第一款第（一）项/], // ¶1(一): 本级人民政府
    ['bb', '安徽省人民政府', /第一款第（二）项/], // ¶1(二): the government above
    ['bbzrzy', '蚌埠市人民政府', /第一款第（一）项/],
    ['gz', '蚌埠市人民政府', /第一款第（二）项/],
    ['gzb', '固镇县人民政府', /第一款第（一）项/],
    ['gzjy', '固镇县人民政府', /第一款第（一）项/], // not 「上一级行政机关」 (蚌埠市教育局) since 2024
    ['gzjyzx', '固镇县人民政府', /第一款第（一）项/], // a bureau under a bureau: still the county government
    ['zx', '固镇县人民政府', /第一款第（二）项/],
    ['cg', '固镇县人民政府', /第一款第（三）项/], // ¶1(三): the government that set up the 派出机关
  ];
  for (const [id, name, basis] of cases) {
    const d = derivedReviewBody(tree, id);
    assert.equal(d.name, name, id);
    assert.match(d.basis, basis, id);
  }
});

test('without the government above in the platform the body cannot be derived, and must be named', () => {
  // A county platform: the county government is the root, its township and department below.
  const county = [
    row('gz', null, 'county', '固镇县人民政府'),
    row('gzjy', 'gz', 'department', '固镇县教育局'),
    row('zx', 'gz', 'township', '固镇县仲兴乡人民政府'),
  ];
  assert.equal(derivedReviewBody(county, 'gz').name, null);
  assert.equal(derivedReviewBody(county, 'zx').name, '固镇县人民政府');
  assert.deepEqual(reviewBodyOf(county, county[0]!), {
    name: null,
    derived: derivedReviewBody(county, 'gz'),
    source: 'missing',
  });
  const [missing] = reviewBodyFindings(county, county[0]!);
  assert.match(missing!.message, /请填写本机关的行政复议机关/);
  const named = { ...county[0]!, reconsiderationBody: '蚌埠市人民政府' };
  assert.equal(reviewBodyOf(county, named).source, 'named');
  assert.equal(reviewBodyOf(county, named).name, '蚌埠市人民政府');
  assert.deepEqual(reviewBodyFindings(county, named), [], 'naming it needs no reason');
  // A department under a township is not a 县级以上 government's department: nothing to derive.
  assert.equal(derivedReviewBody([...county, row('x', 'zx', 'department', '某站')], 'x').name, null);
  assert.equal(derivedReviewBody(county, 'nobody').name, null);
});

test('an override needs a reason (e.g. Art. 27 vertical agencies); the derived name is no override', () => {
  const tax = row('gzsw', 'gz', 'department', '固镇县税务局', '国家税务总局蚌埠市税务局');
  const all = [...tree, tax];
  assert.equal(reviewBodyOf(all, tax).source, 'override');
  assert.equal(reviewBodyOf(all, tax).name, '国家税务总局蚌埠市税务局');
  const findings = reviewBodyFindings(all, tax);
  assert.deepEqual(
    findings.map((f) => f.field),
    ['reconsiderationBodyReason'],
  );
  assert.match(
    findings[0]!.message,
    /与依照《中华人民共和国行政复议法》第二十四条第一款第（一）项确定的“固镇县人民政府”不同，请说明理由/,
  );
  const reasoned = { ...tax, reconsiderationBodyReason: '税务机关实行垂直领导（行政复议法第二十七条）' };
  assert.deepEqual(reviewBodyFindings([...tree, reasoned], reasoned), []);
  const same = { ...tree.find((a) => a.id === 'zx')!, reconsiderationBody: '固镇县人民政府' };
  assert.equal(reviewBodyOf(tree, same).source, 'derived');
  assert.deepEqual(reviewBodyFindings(tree, same), []);
});

test('an agency naming itself is flagged, except a provincial government (Art. 24 ¶2)', () => {
  const city = { ...tree.find((a) => a.id === 'bb')!, reconsiderationBody: '蚌埠市人民政府' };
  const cityFindings = reviewBodyFindings(tree, city);
  assert.deepEqual(
    cityFindings.map((f) => f.field),
    ['reconsiderationBody', 'reconsiderationBodyReason'],
  );
  assert.match(cityFindings[0]!.message, /复议机关不能是本机关.*应为安徽省人民政府/);
  // Even with a reason, and even where nothing can be derived.
  assert.equal(reviewBodyFindings(tree, { ...city, reconsiderationBodyReason: '历来如此' }).length, 1);
  const root = row('gz', null, 'county', '固镇县人民政府', '固镇县人民政府');
  assert.match(reviewBodyFindings([root], root)[0]!.message, /复议机关不能是本机关/);
  const province = { ...tree[0]!, reconsiderationBody: '安徽省人民政府' };
  assert.deepEqual(reviewBodyFindings(tree, province), []);
  assert.deepEqual(reviewBodyFindings(tree, tree[0]!), []);
});
