import { Parser } from 'htmlparser2';

/**
 * The visible numbers of Word's automatic lists ("一、", "（一）", "1."): Word
 * stores them as numbering definitions, not text, and a report's headings are
 * often numbered this way, so without them the outline loses its levels.
 */
export interface NumberingLevel {
  start: number;
  format: string;
  /** Template such as `%1.` or `（%2）`, `%n` standing for level n's counter. */
  text: string;
  /** What follows the number: `tab` (Word's default), `space` or `nothing`. */
  suffix: string;
}

export interface Numbering {
  /** numId → abstract definition id and per-level start overrides. */
  nums: Map<string, { abstractId: string; startOverrides: Map<number, number> }>;
  abstracts: Map<string, Map<number, NumberingLevel>>;
}

export const NO_NUMBERING: Numbering = { nums: new Map(), abstracts: new Map() };

export function parseNumbering(xml: string): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map() };
  let abstract: Map<number, NumberingLevel> | undefined;
  let level: NumberingLevel | undefined;
  let num: { abstractId: string; startOverrides: Map<number, number> } | undefined;
  let overrideLevel = -1;
  const parser = new Parser({
    onopentag(name, a) {
      const val = a['w:val'];
      switch (name) {
        case 'w:abstractNum':
          abstract = new Map();
          numbering.abstracts.set(a['w:abstractNumId'], abstract);
          break;
        case 'w:lvl':
          if (abstract) {
            level = { start: 1, format: 'decimal', text: '', suffix: 'tab' };
            abstract.set(Number(a['w:ilvl'] ?? 0), level);
          }
          break;
        case 'w:start': if (level) level.start = Number(val ?? 1); break;
        case 'w:numFmt': if (level) level.format = val ?? 'decimal'; break;
        case 'w:lvlText': if (level) level.text = val ?? ''; break;
        case 'w:suff': if (level) level.suffix = val ?? 'tab'; break;
        case 'w:num':
          num = { abstractId: '', startOverrides: new Map() };
          numbering.nums.set(a['w:numId'], num);
          break;
        case 'w:abstractNumId': if (num) num.abstractId = val ?? ''; break;
        case 'w:lvlOverride': overrideLevel = Number(a['w:ilvl'] ?? 0); break;
        case 'w:startOverride': if (num && overrideLevel >= 0) num.startOverrides.set(overrideLevel, Number(val ?? 1)); break;
      }
    },
    onclosetag(name) {
      if (name === 'w:lvl') level = undefined;
      else if (name === 'w:abstractNum') abstract = undefined;
      else if (name === 'w:num') num = undefined;
      else if (name === 'w:lvlOverride') overrideLevel = -1;
    },
  }, { xmlMode: true });
  parser.end(xml);
  return numbering;
}

/** Counts list items through a document and renders each item's label. */
export class ListCounter {
  private counters = new Map<string, number[]>();
  private seenNums = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The label of the next item of list `numId` at level `ilvl`, e.g. `（三）`; empty for bullets. */
  next(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    const levels = num && this.numbering.abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    let counts = this.counters.get(num.abstractId);
    if (!counts) this.counters.set(num.abstractId, (counts = []));
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [l, start] of num.startOverrides) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? (levels.get(ilvl)?.start ?? 1) - 1) + 1;
    counts.length = ilvl + 1; // a new item restarts every deeper level
    const label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const l = Number(k) - 1;
      const of = levels.get(l);
      return formatNumber(counts[l] ?? of?.start ?? 1, of?.format ?? 'decimal');
    });
    if (level.format === 'bullet' || level.format === 'none' || !label.trim()) return '';
    // Chinese labels end in their own punctuation (一、 （一）); others need the gap Word draws as a tab.
    return label + (level.suffix === 'nothing' || /[、．，）】]$/.test(label) ? '' : ' ');
  }
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Word's `w:numFmt` values, rendered as Word renders them. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerLetter': return letters(n);
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n, CHINESE_DIGITS, '十百千');
    case 'chineseLegalSimplified': return chineseCounting(n, LEGAL_DIGITS, '拾佰仟');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CHINESE_DIGITS[Number(d)]).join('');
    case 'ideographTraditional': return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac': return EARTHLY_BRANCHES[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop': return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    default: return String(n);
  }
}

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (numbers below 10000). */
export function chineseCounting(n: number, digits: string, units: string): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts: string[] = [];
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let zero = false;
  places.forEach((d, i) => {
    const unit = i < 3 ? units[2 - i] : '';
    if (d === 0) { zero = parts.length > 0; return; }
    if (zero) { parts.push('零'); zero = false; }
    parts.push(d === 1 && unit === units[0] && parts.length === 0 ? unit : digits[d] + unit);
  });
  return parts.join('');
}

function letters(n: number): string {
  // Word repeats the letter: 27 → aa
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}
