/**
 * Data for the content rules, kept apart from the code so that a deployment can extend it. The phrases are
 * the guidance printed in templates and local compilation notices (e.g. 湖北's 2020 notes, the 潜江
 * fixture's "编写说明"), which reports sometimes publish unedited.
 */
export const TEMPLATE_PHRASES: readonly RegExp[] = [
  /编写说明/,
  /填写说明|填报说明/,
  /可先适当综述/,
  /主要考虑极少数特殊情况/,
  /要注意数据间的逻辑关系/,
  /(此处|在此)(填写|填入|输入)/,
  /[（(]\s*(单位|机关)名称\s*[）)]/,
  /[×X]{2,}(年|乡|镇|县|市|局|件|条)/,
  /20[×X]{2}年/,
  /请(根据|按照)(实际|本单位)情况(填写|编写)/,
];

export const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃',
  '青海', '宁夏', '新疆', '台湾', '香港', '澳门',
] as const; // prettier-ignore

/** Provincial-level units that are 自治区, whose agencies legitimately speak of "自治区". */
export const AUTONOMOUS_REGIONS = ['内蒙古', '广西', '西藏', '宁夏', '新疆'] as const;

/**
 * Counties known to the auditor, mapped to their province, for reports whose name gives no province
 * (the seed's 固镇县 is in 安徽). Extend per deployment; unknown counties simply leave the province unknown.
 */
export const COUNTY_PROVINCE: Readonly<Record<string, string>> = {
  固镇县: '安徽',
  雄县: '河北',
  佳县: '陕西',
  潜江市: '湖北',
};

/** Art. 50(四): a government's report states the results of 工作考核、社会评议和责任追究. */
export const ASSESSMENT_TERMS = [
  { term: '工作考核', pattern: /考核/ },
  { term: '社会评议', pattern: /评议/ },
  { term: '责任追究', pattern: /追究|问责/ },
] as const;
