/** A report's own title names its government: 宁波市政府工作报告, 2020年浙江省人民政府工作报告. */
const TITLE = /(?:\d{4}年)?([\u4e00-\u9fa5]{2,12}?(?:自治区|特别行政区|省|市|区|县|旗|州|盟))(?:人民)?政府工作报告/;
/** How far into the report the title may be (web pages put navigation first). */
const HEAD = 600;

/** The government a report belongs to (宁波市), read from its title; undefined when the title does not say. */
export function reportPlace(text: string): string | undefined {
  return TITLE.exec(text.slice(0, HEAD))?.[1];
}

/**
 * The office that issues a breakdown notice for that government: provinces
 * and cities have a 办公厅 or 办公室 — the draft writes 办公厅 for provinces
 * and cities, 办公室 for counties and districts, for a person to correct.
 */
export function draftIssuer(place: string | undefined): string | undefined {
  if (!place) return undefined;
  return /(县|区|旗)$/.test(place) ? `${place}人民政府办公室` : `${place}人民政府办公厅`;
}
