/**
 * Titles of the leaders who take the lead on tasks (牵头领导). A notice
 * names them by personal name (陈仲朝), by title (市长, 副市长) or both
 * (陈仲朝副市长); a heading of the grouped layout reads 一、X副市长牵头重点工作.
 * Longest first, so 常务副市长 is not cut to 市长.
 */
export const LEADER_TITLES = [
  '常务副市长', '常务副区长', '常务副县长', '常务副省长', '常务副主任',
  '副市长', '副区长', '副县长', '副省长', '副州长', '副旗长', '副盟长', '副主席', '副主任', '副秘书长',
  '市长', '区长', '县长', '省长', '州长', '旗长', '盟长', '主席', '主任', '秘书长', '书记', '副书记',
  '市政府党组成员', '党组成员', '市长助理', '区长助理', '县长助理',
].sort((a, b) => b.length - a.length);

/** Strips a title from a name written with one (`陈仲朝副市长` → `陈仲朝`); a bare title stays as written. */
export function leaderName(written: string): string {
  const s = written.replace(/同志$/, '').trim();
  for (const title of LEADER_TITLES) {
    if (s.endsWith(title) && s.length > title.length) return s.slice(0, s.length - title.length);
  }
  return s;
}

/**
 * The leaders a heading of the grouped layout puts in charge, or undefined
 * when the heading is an ordinary section title: 陈仲朝副市长牵头重点工作,
 * 由市长牵头的工作, 李关定、许亚南副市长共同牵头(共12项).
 */
export function headingLeaders(title: string): string[] | undefined {
  const m = /^(?:由)?([\u4e00-\u9fa5、，,和及]{2,30}?)(?:同志)?(?:共同)?(?:牵头|负责|分管|领衔)(?:负责|推进|抓总)?的?(?:重点)?(?:工作|任务|事项)/.exec(title);
  if (!m) return undefined;
  const names = m[1].split(/[、，,和及]/).map((n) => n.trim()).filter(Boolean);
  const titled = names.some((n) => LEADER_TITLES.some((t) => n.endsWith(t)));
  if (!titled) return undefined;
  return names.map(leaderName);
}
