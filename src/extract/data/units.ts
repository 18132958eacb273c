/**
 * Units a quantity can carry, as written after the number. Longest first so
 * that 万平方米 wins over 万 and 个百分点 over 个. A magnitude word (万, 亿)
 * stays part of the unit, as the spec asks.
 */
export const MAGNITUDES = ['万亿', '千亿', '百亿', '千万', '百万', '十万', '亿', '万'];

export const BASE_UNITS = [
  '个百分点', '百分点', '%', '‰',
  '平方公里', '平方米', '立方米', '公顷', '公里', '千米', '米', '亩',
  '美元', '欧元', '元',
  '千瓦时', '千瓦', '兆瓦', '吨标准煤', '吨标煤', '吨/年', '吨/日', '吨/天', '吨', '台套', '公斤', '千克', '斤',
  '标箱', '标准箱', 'TEU',
  '个工作日', '工作日', '个月', '小时', '分钟', '天',
  '人次', '人', '名', '户', '家', '个', '项', '条', '台', '座', '幢', '顶', '栋', '种', '所', '件', '辆', '套', '处', '张', '只', '艘', '架',
  '部', '批', '场', '次', '间', '床', '头', '株', '棵', '宗', '块', '支', '册', '款', '类', '篇', '份', '笔', '分', '倍', '层', '片', '段', '盏', '根', '组', '方', '顶', '辆次', '架次',
];

/** Units that count things done or added; a bare count in a plan is usually an amount added (delta). */
export const COUNT_UNITS = new Set(['户', '家', '个', '项', '条', '台', '座', '幢', '栋', '种', '所', '件', '辆', '套', '处', '张', '只', '艘', '架', '部', '批', '场', '次', '间', '床', '株', '棵', '宗', '块', '支', '册', '款', '类', '篇', '份', '笔', '盏', '根', '组', '人', '名', '人次', '头']);

/** What may follow a number and make it a date, an ordinal or a name rather than a quantity. */
export const NOT_QUANTITY_AFTER = /^(年|月|日|号|届|周年|时|点|期|版|代|强|号线|条线|路|G|元素|大|星|位|岁|世纪|次会议|型|国|方面|层次|批次|轮)/;

/** Units that, after a Chinese numeral, usually name a thing rather than count it (两个维护, 三个方面). */
export const CN_NUMERAL_MIN = 2;

/** Units that after a Chinese numeral name a policy or a session (十条, 八项规定, 三次会议, 二次供水), not a count. */
export const CN_NAME_UNITS = /^(条|次)|^项(规定|原则|要求|制度|措施)/;
/** What after a unit shows the figure names a kind of thing (六个方面), not an amount. */
export const NAME_AFTER_UNIT = /^(方面|阶段|层面|维度|环节)/;
/** Abstract nouns that a Chinese-numeral count names rather than counts (四项基本原则, 两个市场, 三个联合公报). */
export const CN_NAMED_NOUNS = /^(基本)?(事[，,。；;\s]|事情|工作[，,。；;\s]|结构|目标|指标|问题|关系|积极性|字|原则|主张|基本点|联合公报|市场|资源|意识|自信|维护|文明|大局|轮子|制度|体系|战略|理念|务必|代表|确保|坚持|统筹|转变|结合|有利于|凡是|面向|服从|多)/;
/** A unit glued to the next character into another word (项目; 13亿人口 names the country's size) is no unit. */
export const UNIT_GLUED = /^(项目|个人|人口|次会|方[面案式向法针位略])/;
