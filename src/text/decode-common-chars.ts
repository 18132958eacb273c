/**
 * The most frequent Chinese characters of general and government prose, in
 * simplified and traditional forms. A text decoded with the right encoding is
 * full of them; the same bytes decoded with the wrong one (GBK read as Big5, or
 * the reverse) are mostly rare characters. Used only to choose between
 * encodings, so the list need not be exact, only broad.
 */
const SIMPLIFIED =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研须斯' +
  '增长投资改革推进加快城乡全面坚持深化服务创新项目万亿元百千居收支市县镇村企财政税保障治环境生态保护污染安全民生就业教育医疗卫生健康养老住房交通基础设施实施完成开展落实提升优化扩大稳定促进支持积极持续努力争取力争左右以上以内控制比例人均地区总值规模消费出口进口价格居民城镇农村工业制造科技研发能源单位排放减少降低下降提高年度今明去计划目标任务工作报告政府代表会议审议批准';
const TRADITIONAL =
  '這為個國來們時發說產種後學現實兩體機當從業還應開與關間樣內數沒結問題黨員總長頭資邊級圖統較將組見計別論運農幾區強決幹戰則據處須' +
  '長資革進鄉發區項萬億財稅障環態護汙衛療養醫住房礎設施開優擴穩進續爭與規費價鎮農業製產技創網報會議審準經濟國內積極擴提務';

export const COMMON_CHARS: ReadonlySet<number> = new Set(
  [...(SIMPLIFIED + TRADITIONAL)].map((c) => c.codePointAt(0)!),
);
