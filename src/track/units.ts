/**
 * Units as written in reports carry their magnitude word (万人, 亿元): a figure
 * becomes a plain number of a base unit before two figures are compared, so
 * 1.2万亿元 and 12000亿元 are the same amount.
 */
const MAGNITUDES: Array<[string, number]> = [
  ['万亿', 1e12], ['千亿', 1e11], ['百亿', 1e10], ['亿', 1e8],
  ['千万', 1e7], ['百万', 1e6], ['十万', 1e5], ['万', 1e4],
];

/** Units that state a rate or share; their figures are compared in points, not by ratio. */
const RATE_UNITS = new Set(['%', '百分点', '‰']);

export interface BaseQuantity {
  /** The figure in the base unit. */
  n: number;
  /** The unit with its magnitude word removed; '' when the text gave none. */
  base: string;
}

export function normaliseUnit(unit: string | undefined): string {
  return halfWidth(unit ?? '').replace(/\s+/g, '').replace(/^个百分点$/, '百分点');
}

export function toBase(value: number, unit: string | undefined): BaseQuantity {
  let base = normaliseUnit(unit);
  for (const [word, factor] of MAGNITUDES) {
    if (base.startsWith(word)) return { n: value * factor, base: base.slice(word.length) };
  }
  return { n: value, base };
}

/** Same base unit, or one side gave none (a bare 450万 against 450万人). */
export function unitsCompatible(a: string | undefined, b: string | undefined): boolean {
  const x = toBase(1, a).base, y = toBase(1, b).base;
  return x === y || x === '' || y === '';
}

export function isRateUnit(unit: string | undefined): boolean {
  return RATE_UNITS.has(normaliseUnit(unit));
}

/** Full-width letters, digits and signs (５％) as ASCII (5%). */
export function halfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
