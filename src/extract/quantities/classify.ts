import { CMP_BEFORE, STRETCH_WORDS, type Cmp } from '../data/comparators.ts';
import { GROWTH_WORDS, LEVEL_WORDS, DELTA_WORDS, LEVEL_INDICATOR, DOWN_WORDS, LEADING_CUT } from '../data/measures.ts';
import { COUNT_UNITS } from '../data/units.ts';

export type Measure = 'growth' | 'level' | 'delta';

const byLength = (a: string, b: string) => b.length - a.length;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LEVEL_TAIL = new RegExp(`(${LEVEL_WORDS.slice().sort(byLength).map(esc).join('|')})(了)?$`);
const GROWTH_TAIL = new RegExp(`(${GROWTH_WORDS.slice().sort(byLength).map(esc).join('|')})(了)?(分别|均)?$`);
const DELTA_HEAD = new RegExp(`(${DELTA_WORDS.slice().sort(byLength).map(esc).join('|')})`);
/** An indicator naming an activity (改造面积, 整治) counts what was done. */
const ACTIVITY_INDICATOR = /(改造|整治|建设|拆除|清淤|治理)(面积|里程|规模)?$/;
const CMP_BEFORE_TAIL = new RegExp(`(${CMP_BEFORE.map(([w]) => w).sort(byLength).map(esc).join('|')})$`);

/** The comparator written just before the number, if any (突破1000亿元, 不低于90%). */
export function cmpBefore(before: string): Cmp | undefined {
  const m = CMP_BEFORE_TAIL.exec(before);
  return m ? CMP_BEFORE.find(([w]) => w === m[1])?.[1] : undefined;
}

/** growth, level or delta, from the verb before the number, the unit and the indicator. */
export function measureOf(before: string, unit: string, indicator: string, after: string): Measure {
  // 提高到人均1196元: the per-head basis sits between the verb and the number
  before = before.replace(/(人均|户均)$/, '');
  const near = before.slice(-8).replace(/(同比|比上年|较上年|比去年同期|较去年同期|比去年|较去年|分别|均|年均|平均|力争|争取|达到|超过|突破|不低于|不少于|约|近|接近|超|逾)+$/, (w) => (GROWTH_TAIL.test(before.slice(0, -w.length)) ? '' : w));
  if (/百分点$/.test(unit)) return 'delta';
  // 居民消费价格涨幅控制在3%: the level of a rate of change is a growth figure
  if (/(涨幅|增幅|增速|降幅)[^\u4e00-\u9fff]*(控制在|保持在|稳定在|为|达到|不超过|不高于|在)?$/.test(before) && (unit === '%' || unit === '‰')) return 'growth';
  if (LEADING_CUT.test(before) && !/(到|至|在|为)$/.test(near)) return unit === '%' || unit === '‰' ? 'growth' : 'delta';
  if (LEVEL_TAIL.test(near) && !/增长$/.test(near)) return 'level';
  if (GROWTH_TAIL.test(near) || GROWTH_TAIL.test(before.slice(-10).replace(/[^\u4e00-\u9fff]+$/, ''))) {
    return unit === '%' || unit === '‰' || unit === '倍' ? 'growth' : 'delta';
  }
  if (unit === '%' || unit === '‰') return 'level';
  if (/累计|总计|合计/.test(before)) return 'level';
  if (/新增|净增/.test(before) || ACTIVITY_INDICATOR.test(indicator)) return 'delta';
  if (LEVEL_INDICATOR.test(indicator)) return 'level';
  if (DELTA_HEAD.test(before.slice(-16)) || /^[^，,。；;]{0,12}(开工|建成|完成|投用|落地)/.test(after)) return 'delta';
  // a sum of money before its noun sizes the thing (50亿元科技成果转化基金)
  const base = unit.replace(/^(万亿|千亿|百亿|千万|百万|十万|亿|万)/, '');
  if (!COUNT_UNITS.has(base) && /^[\u4e00-\u9fff“]/.test(after) && !before.replace(/[^\u4e00-\u9fff]/g, '')) return 'level';
  return 'delta';
}

/** down where the words before the number say it falls. */
export function directionOf(before: string): 'up' | 'down' {
  return DOWN_WORDS.test(before.slice(-6)) || LEADING_CUT.test(before) ? 'down' : 'up';
}

/** An aspirational figure: 力争, 争取 in the clause before it. */
export function isStretch(clause: string): boolean {
  return STRETCH_WORDS.test(clause);
}
