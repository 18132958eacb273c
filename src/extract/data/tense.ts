/**
 * Where no part says whether a passage reviews or plans (old national
 * reports have no such headings), the clause itself often does.
 */
export const PLAN_CUES = /今年|明年|计划|要|将|力争|争取|确保|预计|目标|预期|拟/;
/** Plan cues that outweigh a dated past passage. */
export const STRONG_PLAN_CUES = /今年|明年|计划|力争|争取|确保|目标|预期|拟/;
export const DONE_CUES = /了|已经|已|去年|上年|过去|比上年|同比/;

/** Inside a plan, a clause that says a thing is already so (已达2.5亿, 已由15.3%降到12%) reports a fact. */
export const ALREADY = /已经?(达|有|超|完成|建成|实现|突破|由|从)/;
