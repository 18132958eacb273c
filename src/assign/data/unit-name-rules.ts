/**
 * How unit names are shortened in practice, as rewrite rules applied in
 * order to a name to reach its comparison key, so that 宁波市发展和改革委员会,
 * 市发展改革委 and 市发改委 meet at one key (市发改委). The key is never shown;
 * a unit keeps the name it was first seen under.
 */
export const UNIT_NAME_REWRITES: [from: string | RegExp, to: string][] = [
  [/[\s　]/g, ''],
  [/（/g, '('],
  [/）/g, ')'],
  [/[“”"‘’']/g, ''],
  [/人民政府/g, '政府'],
  [/管理委员会/g, '管委会'],
  // 和/与/及 joining the two halves of a name are dropped in short forms.
  [/(?<=[\u4e00-\u9fa5]{2})[和与及](?=[\u4e00-\u9fa5]{2})/g, ''],
  [/委员会$/g, '委'],
  [/委员会(?=\()/g, '委'],
  [/发展改革/g, '发改'],
  [/经济信息化|经济信息|工业信息化/g, '经信'],
  [/科学技术/g, '科技'],
  [/人力资源社会保障|人力社保|人社/g, '人力社保'],
  [/住房城乡建设|住房城市建设|住房建设/g, '住建'],
  [/自然资源规划/g, '自然资源规划'],
  [/卫生健康|卫生计生|卫健/g, '卫健'],
  [/市场监督管理/g, '市场监管'],
  [/文化广电旅游|文化广电新闻出版旅游|文广旅游|文化旅游|文广旅/g, '文旅'],
  [/交通运输/g, '交通'],
  [/综合行政执法|城市管理综合行政执法|城市管理行政执法/g, '综合执法'],
  [/应急管理局/g, '应急局'],
  [/退役军人事务/g, '退役军人'],
  [/医疗保障/g, '医保'],
  [/大数据发展管理局|大数据管理局|数据管理局/g, '大数据局'],
  [/机关事务管理局/g, '机关事务局'],
  [/金融工作办公室|金融工作办|地方金融监督管理局|地方金融监管局|金融服务办公室/g, '金融办'],
  [/人民防空办公室|人防办公室/g, '人防办'],
  [/外事办公室/g, '外办'],
  [/国有资产监督管理委|国有资产监督管理委员会/g, '国资委'],
  [/办公室$/g, '办'],
];

/** Level words that open a unit's name once its place name is dropped: 市发改委, 区教育局, 县财政局. */
export const LEVEL_PREFIXES = ['市', '区', '县', '旗', '州', '盟'];
