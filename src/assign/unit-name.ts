import { DEPARTMENT_KINDS, type DepartmentKind } from './data/department-duties.ts';
import { LEVEL_PREFIXES, UNIT_NAME_REWRITES } from './data/unit-name-rules.ts';
import { UNIT_KIND_PATTERNS, type UnitKind } from './data/unit-kinds.ts';

const LEVELS = LEVEL_PREFIXES.join('');
/** A place name before a level word, when what follows reads as a department (余姚市教育局 → 市教育局). */
const PLACE_BEFORE_DEPARTMENT = new RegExp(`^[\\u4e00-\\u9fa5]{2,3}(?=[${LEVELS}][\\u4e00-\\u9fa5“”"]{2,}(局|委|办|厅|部|中心|院|会|社)(\\(.*\\))?$)`);

/** Drops the city's name where the unit's level word follows it: 宁波市发改委 → 市发改委 (宁波银保监局 keeps its name). */
export function stripPlace(name: string, city?: string): string {
  if (city && name.startsWith(city) && LEVELS.includes(name[city.length] ?? '') && name.length > city.length + 2) return name.slice(city.length);
  if (!city && !/(政府|区|县|市|管委会)$/.test(name)) return name.replace(PLACE_BEFORE_DEPARTMENT, '');
  return name;
}

/** The comparison key of a unit name: place dropped, brackets unified, long forms shortened. */
export function unitKey(name: string, city?: string): string {
  let key = name;
  for (const [from, to] of UNIT_NAME_REWRITES.slice(0, 4)) key = key.replace(from, to);
  key = stripPlace(key, city);
  for (const [from, to] of UNIT_NAME_REWRITES.slice(4)) key = key.replace(from, to);
  return key;
}

/** The name outside its brackets: 市委组织部(市委人才办) → 市委组织部. */
export function mainName(name: string): string {
  return name.replace(/[(（][^()（）]*[)）]/g, '').trim() || name;
}

/** The other names a unit wears in brackets: 市委组织部(市委人才办) → [市委人才办]. */
export function bracketAliases(name: string): string[] {
  return [...name.matchAll(/[(（]([^()（）]+)[)）]/g)].map((m) => m[1].trim()).filter((a) => a.length >= 3 && !/^[市区县]$/.test(a));
}

export function unitKind(name: string): UnitKind {
  const key = unitKey(name);
  let plain = name;
  for (const [from, to] of UNIT_NAME_REWRITES.slice(0, 4)) plain = plain.replace(from, to);
  for (const [kind, pattern] of UNIT_KIND_PATTERNS) if (pattern.test(plain) || pattern.test(key)) return kind;
  return 'department';
}

/** The kind of department a unit is (发改, 科技, …), by the longest name fragment its key contains. */
export function departmentKindOf(name: string, city?: string): DepartmentKind | undefined {
  const key = unitKey(name, city);
  const main = unitKey(mainName(name), city);
  let best: { kind: DepartmentKind; length: number; inMain: boolean } | undefined;
  for (const kind of DEPARTMENT_KINDS) {
    for (const fragment of kind.names) {
      if (!key.includes(fragment)) continue;
      const inMain = main.includes(fragment);
      if (!best || (inMain && !best.inMain) || (inMain === best.inMain && fragment.length > best.length)) best = { kind, length: fragment.length, inMain };
    }
  }
  return best?.kind;
}

/** The level word a unit's name opens with once its place is dropped (市, 区, 县, …), if any. */
export function levelOf(name: string, city?: string): string | undefined {
  const first = stripPlace(name, city)[0];
  return first && LEVELS.includes(first) ? first : undefined;
}
