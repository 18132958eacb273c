import { describe, it, expect } from 'vitest';
import { analyse } from '../../src/pipeline.ts';
import type { QuantityRecord } from '../../src/extract/quantity.ts';

/** Records of one plan sentence (a 2020 report's plan part). */
function plan(sentence: string): QuantityRecord[] {
  const text = `2020年5月8日\n2020年主要任务\n${sentence}\n`;
  return analyse({ name: '999_test.txt', format: 'txt', encoding: 'utf-8', text }).quantities;
}
/** Records of one review sentence (the 2019 review of a 2020 report). */
function review(sentence: string): QuantityRecord[] {
  const text = `2020年5月8日\n2019年工作回顾\n${sentence}\n`;
  return analyse({ name: '999_test.txt', format: 'txt', encoding: 'utf-8', text }).quantities;
}
const brief = (r: QuantityRecord) => [r.indicator, r.measure, r.direction, r.value, r.value_hi, r.unit, r.cmp, r.stretch ?? false];

describe('extractQuantities: examples', () => {
  it('a growth target with 左右, its period and kind from the part', () => {
    const [r] = plan('建议奋力实现地区生产总值增长6.5%左右。');
    expect(brief(r)).toEqual(['地区生产总值', 'growth', 'up', 6.5, undefined, '%', 'approx', true]);
    expect([r.kind, r.period]).toEqual(['target', '2020']);
  });

  it('a level held within a ceiling', () => {
    expect(brief(plan('城镇登记失业率控制在3.5%以内。')[0])).toEqual(['城镇登记失业率', 'level', 'up', 3.5, undefined, '%', 'le', false]);
  });

  it('a fall in percentage points is a delta downward', () => {
    const [r] = plan('普惠小微贷款综合融资成本较上年降低0.5个百分点。');
    expect([r.measure, r.direction, r.value, r.unit]).toEqual(['delta', 'down', 0.5, '个百分点']);
  });

  it('an amount added, with the magnitude word kept in the unit', () => {
    expect(brief(plan('净增注册商标1万件以上。')[0])).toEqual(['注册商标', 'delta', 'up', 1, undefined, '万件', 'ge', false]);
    expect(brief(plan('新增停车位15000个。')[0])).toEqual(['停车位', 'delta', 'up', 15000, undefined, '个', 'eq', false]);
  });

  it('a number before its noun', () => {
    expect(plan('推动400个以上授权发明专利产业化。')[0].indicator).toBe('授权发明专利产业化');
  });

  it('ranges in every typography', () => {
    for (const s of ['经济增长6%－6.5%。', '经济增长5.0%—5.5%。', '经济增长4.5-5%。']) {
      const [r] = plan(s);
      expect([r.cmp, r.value_hi! > r.value, r.unit]).toEqual(['range', true, '%']);
    }
  });

  it('a shared comparator gives one record per member', () => {
    const rs = plan('交通投资、高新技术产业投资等结构性指标均增长10%以上。');
    expect(rs.map((r) => [r.indicator, r.value, r.cmp])).toEqual([['交通投资', 10, 'ge'], ['高新技术产业投资', 10, 'ge']]);
  });

  it('a distributive list pairs members and numbers in order', () => {
    const rs = review('城镇和农村居民人均可支配收入达到70074元和39953元,分别增长8%和9.2%。');
    expect(rs.map((r) => [r.value, r.unit, r.measure])).toEqual([[70074, '元', 'level'], [39953, '元', 'level'], [8, '%', 'growth'], [9.2, '%', 'growth']]);
    expect(rs.every((r) => r.kind === 'actual' && r.period === '2019')).toBe(true);
  });

  it('a figure followed by its growth keeps the indicator', () => {
    const rs = review('实现地区生产总值2211亿元,增长7%。');
    expect(rs.map((r) => [r.indicator, r.measure])).toEqual([['地区生产总值', 'level'], ['地区生产总值', 'growth']]);
  });

  it('a sub-scope (区本级) is carried as scope', () => {
    const rs = review('完成财政总收入453.4亿元,区本级363.1亿元。');
    expect(rs.map((r) => [r.indicator, r.value, r.scope])).toEqual([['财政总收入', 453.4, undefined], ['财政总收入', 363.1, '区本级']]);
  });

  it('Chinese numerals', () => {
    expect(plan('新建两千五百个停车位。')[0].value).toBe(2500);
    expect(plan('综合能耗下降百分之六。')[0]).toMatchObject({ value: 6, unit: '%', direction: 'down' });
    expect(review('开工灰库、半山两个物流基地。')[0]).toMatchObject({ value: 2, unit: '个' });
  });

  it('leaves out dates, ordinals, names and rankings', () => {
    expect(plan('3月29日至4月1日,召开第三届大会,推进“十三五”规划,建设5G网络和4号线,打造“246”万千亿级产业集群,位居全国第12位。')).toEqual([]);
  });

  it('leaves out a figure that only qualifies what is counted', () => {
    expect(plan('培育年销售额30亿元以上企业6家。').map((r) => [r.value, r.unit])).toEqual([[6, '家']]);
  });

  it('what counted things became names them', () => {
    expect(review('3条河道通过省级“美丽河湖”验收。')[0]).toMatchObject({ indicator: '省级“美丽河湖”验收河道', value: 3, unit: '条' });
  });

  it('a percentage before a noun is a share', () => {
    expect(plan('90%以上非涉密事项实现“一窗受理、一网通办”。')[0]).toMatchObject({ indicator: '非涉密事项实现“一窗受理、一网通办”比例', cmp: 'ge', measure: 'level' });
  });

  it('a short list member borrows the qualifiers of the one before', () => {
    expect(plan('建成特色农产品电商示范镇5个、示范村100个。').map((r) => r.indicator)).toEqual(['特色农产品电商示范镇', '特色农产品电商示范村']);
  });

  it('a subject in the clause before, shared by 分别', () => {
    const rs = review('农村居民人均纯收入和城镇居民人均可支配收入,2000年分别达到2253元和6280元。');
    expect(rs.map((r) => [r.indicator, r.value])).toEqual([['农村居民人均纯收入', 2253], ['城镇居民人均可支配收入', 6280]]);
  });

  it('a list subject paired with a list of figures', () => {
    const rs = review('实现批发零售业销售额、网络零售额5321.6亿元、485亿元,分别增长15.3%、19.5%。');
    expect(rs.map((r) => [r.indicator, r.value, r.measure])).toEqual([
      ['批发零售业销售额', 5321.6, 'level'], ['网络零售额', 485, 'level'],
      ['批发零售业销售额', 15.3, 'growth'], ['网络零售额', 19.5, 'growth'],
    ]);
  });

  it('a sub-scope in parentheses keeps its growth', () => {
    const rs = review('实现地区生产总值2211亿元,增长7%(区本级1931.8亿元,增长6.9%)。');
    expect(rs.map((r) => [r.indicator, r.value, r.scope])).toEqual([
      ['地区生产总值', 2211, undefined], ['地区生产总值', 7, undefined], ['地区生产总值', 1931.8, '区本级'], ['地区生产总值', 6.9, '区本级'],
    ]);
  });

  it('years and comparisons are not part of the indicator', () => {
    expect(review('国家外汇储备2000年底达1656亿美元。')[0].indicator).toBe('国家外汇储备');
    expect(review('社会消费品零售总额平均每年增长10.6%。')[0]).toMatchObject({ indicator: '社会消费品零售总额', measure: 'growth' });
  });

  it('a concentration per cubic metre', () => {
    expect(review('PM2.5浓度为每立方米30微克。')[0]).toMatchObject({ indicator: 'PM2.5浓度', value: 30, unit: '微克/立方米' });
  });

  it('two rates joined by 和 are two records', () => {
    expect(review('危废安全处置利用率和污染地块安全利用率保持100%。').map((r) => r.indicator)).toEqual(['危废安全处置利用率', '污染地块安全利用率']);
  });

  it('policies named by their article count and numbered slogans are no quantities', () => {
    expect(review('及时出台常态化防控24条,增强“四个意识”,坚持四项基本原则,主要体现在以下六个方面。')).toEqual([]);
  });

  it('digits spaced out by the page are read as one number', () => {
    expect(review('年进出口总额达到3 2 5 1 亿美元,专利权2 2 ．4 万件。').map((r) => [r.value, r.unit])).toEqual([[3251, '亿美元'], [22.4, '万件']]);
  });

  it('thousands separators, and a baseline (从/由…提高到) left out', () => {
    expect(review('本年收入合计２７，２０３，３１９，０００元。')[0]).toMatchObject({ value: 27203319000, unit: '元' });
    expect(plan('起征点从月销售额3万元提高到10万元。').map((r) => [r.indicator, r.value])).toEqual([['起征点', 10]]);
  });

  it('reports spans in the original text', () => {
    const text = '2020年5月8日\n2020年主要任务\n新增停车位１５０００个。\n';
    const [r] = analyse({ name: '999.txt', format: 'txt', encoding: 'utf-8', text }).quantities;
    expect(text.slice(r.span.start, r.span.end)).toBe('新增停车位１５０００个');
  });
});

describe('quota tables flattened one cell per line', () => {
  it('keeps the figures of a row that lost its headers, without districts', () => {
    const lost = ['一、养老服务', '目标任务:新建30个居家养老服务中心。', '任务', '分解', '镇海', '北仑', '居家养老服务中心(个)', '5', '3', '1'].join('\n\n');
    const analysis = analyse({ name: '997.txt', format: 'txt', encoding: 'utf-8', text: lost });
    const cells = analysis.quantities.filter((r) => r.quote.endsWith('(个)'));
    expect(cells.map((r) => [r.value, r.scope])).toEqual([[5, undefined], [3, undefined], [1, undefined]]);
    expect(analysis.messages.map((m) => m.code)).toEqual(['QUOTA_HEADERS_LOST']);
  });

  it('reads a table that kept its cells (tab-separated rows from docx or html)', () => {
    const text = ['一、老旧住宅小区改造', '目标任务:完成老旧住宅小区改造面积15万平方米。', '任务分解\t海曙\t江北', '改造面积(万平方米)\t10\t5', '年份\t2019年\t2020年', '改造面积\t3\t4'].join('\n');
    const rs = analyse({ name: '995.txt', format: 'docx', encoding: 'binary-container', text }).quantities.filter((r) => r.scope);
    expect(rs.map((r) => [r.scope, r.value, r.unit, r.indicator])).toEqual([['海曙', 10, '万平方米', '改造面积'], ['江北', 5, '万平方米', '改造面积']]);
    expect(text.slice(rs[1].span.start, rs[1].span.end)).toBe('5');
  });

  it('tells a district name from a label fragment by the count of values', () => {
    const table = ['任务', '分解', '宁海', '象山', '配置AED(台)', '21', '18'].join('\n\n');
    const cells = analyse({ name: '996.txt', format: 'txt', encoding: 'utf-8', text: table }).quantities;
    expect(cells.map((r) => [r.scope, r.value, r.unit, r.indicator])).toEqual([['宁海', 21, '台', '配置AED'], ['象山', 18, '台', '配置AED']]);
  });

  const notice = [
    '2019年市民生实事项目目标任务责任分解',
    '一、老旧住宅小区改造',
    '目标任务:完成老旧住宅小区改造面积30万平方米。',
    '任务', '分解', '海曙', '江北', '镇海', '单位', '(万平方米)', '10', '5', '15',
    '二、公路服务站',
  ].join('\n\n');
  const rs = analyse({ name: '998.txt', format: 'txt', encoding: 'utf-8', text: notice }).quantities;

  it('gives each cell its district as scope and the goal line its indicator and unit', () => {
    expect(rs.filter((r) => r.scope).map((r) => [r.scope, r.value, r.unit, r.indicator])).toEqual([
      ['海曙', 10, '万平方米', '老旧住宅小区改造面积'],
      ['江北', 5, '万平方米', '老旧住宅小区改造面积'],
      ['镇海', 15, '万平方米', '老旧住宅小区改造面积'],
    ]);
  });
});
