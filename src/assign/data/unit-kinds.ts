/** What sort of body a unit is; a group placeholder stands for many units and is never a lead unit. */
export type UnitKind = 'department' | 'party' | 'mass' | 'district' | 'zone' | 'external' | 'group';

/**
 * Patterns that tell the kind of a unit from its name, tried in order.
 * Group placeholders first (各区县(市)政府, 市级其他有关部门), then the bodies
 * outside the government's own departments.
 */
export const UNIT_KIND_PATTERNS: [UnitKind, RegExp][] = [
  ['group', /^(各|相关|有关|其他|其它|市级|区级|县级|全市|全区|全县)|其他有关|各有关|有关部门|相关部门|成员单位|^开发园区管委会$|^开发区管委会$|^(园区|开发园区|开发区)$|主要负责人$|各级/],
  ['external', /^(人行|人民银行|中国人民银行)|银保监|银监|保监|证监|金融监管分局|国家金融监督|税务局|海关|边检|边防|出入境检验|气象局|国网|供电公司|电力公司|电信|移动公司|联通|铁塔|邮政管理局|烟草|武警|消防救援|铁路局|海事局|民航|水文站|调查队|国家统计局/],
  ['party', /^(市|区|县|旗|州)?(委|纪委|监委)|^(市|区|县|旗)?委[\u4e00-\u9fa5]+(部|办|委)|党校|党史|编办|机要|保密/],
  ['mass', /(总工会|团市委|团区委|团县委|共青团|妇联|妇女联合会|科协|残联|残疾人联合会|工商联|侨联|文联|社科联|红十字会|供销社|贸促会|经促会|慈善总会|老龄委|关工委|台联|作协)/],
  ['zone', /(管委会|开发区|高新区|保税区|新区|园区|产业园|港区|试验区|示范区|度假区|自贸|综合保税)/],
  ['district', /^[\u4e00-\u9fa5]{2,5}(区|县|市|旗|镇|乡|街道)(政府)?$/],
];
