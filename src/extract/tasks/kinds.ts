import type { TaskKind } from './types.ts';

/**
 * Cues for the kind of a task. A heading over the task speaks first (a part
 * on 民生实事 makes every task in it a livelihood project), then the task's
 * own words.
 */
export const SECTION_KIND_CUES: [TaskKind, RegExp][] = [
  ['livelihood', /民生实事|民生项目|惠民实事|为民办实事/],
  ['target', /主要预期目标|预期目标|主要指标|发展目标$|主要目标$/],
];

export const TEXT_KIND_CUES: [TaskKind, RegExp][] = [
  ['livelihood', /民生实事/],
  ['reform', /^[^，,；;]{0,12}改革|改革(试点|攻坚)|体制机制改革|制度改革/],
  ['project', /(开工|建成|竣工|投用|投运|完工|续建|通车|加快建设|推进建设|开工建设)[^，,；;。]{0,30}(项目|工程|[一二三四]期|号线|高速|铁路|机场|大桥|隧道|枢纽|医院|学校|场馆)|(项目|工程|[一二三四]期|号线|高速|铁路|机场|大桥|隧道|枢纽|医院|学校|场馆)[^，,；;。]{0,8}(开工|建成|竣工|投用|投运|完工|通车)|重大项目|重点项目|重点工程/],
];

/** Macro indicators that make a sentence of the plan's opening a main target. */
export const MAIN_INDICATORS = /地区生产总值|生产总值|GDP|一般公共预算收入|财政收入|城镇登记失业率|调查失业率|居民消费价格|固定资产投资|社会消费品零售总额|居民人均可支配收入|居民收入|研发投入|研发经费|进出口|外贸|实际利用外资|单位GDP能耗|能耗|城镇新增就业|规上工业增加值|粮食产量/;

/** Targets stated without a figure. */
export const QUALITATIVE_PHRASES = [
  '与经济增长基本同步', '与经济发展同步', '基本同步', '同步增长', '稳步提升', '稳步提高', '稳步增长', '持续改善', '持续缩小', '持续下降', '持续提升',
  '保持稳定', '总体稳定', '基本稳定', '完成省下达', '完成上级下达', '完成国家和省下达', '只增不减', '有所提高', '进一步提高', '明显改善', '稳中有升', '合理区间', '不断提高', '逐步提高',
];

/** Words of commitment: a sentence with none of them is talk about the plan, not a task in it. */
export const ACTION_WORDS = /推进|推动|实施|建设|建成|完成|加快|深化|开展|提升|提高|新增|新建|培育|打造|落实|健全|完善|强化|实现|增长|控制|达到|改造|创建|启动|举办|办好|出台|制定|扩大|降低|减少|引进|组建|设立|开工|引导|支持|保障|加强|发展|优化|争创|确保|力争|突破|超过|以上|以内|左右|覆盖|配置|整治|治理|修订|规划|布局|谋划|筹建|开通|投用|扶持|鼓励|促进|巩固|稳定|保持/;

/** Openings of sentences that speak about the plan rather than commit to anything. */
export const RHETORIC_OPENINGS = /^(今年是|明年是|做好今年|做好.{0,6}工作|各位代表|今年.{0,6}总体要求|总体要求|我们要|我们将|面对|在这样|必须|只要|这是|这些|回顾|过去的一年|新的一年|同时|当前|总之)/;
