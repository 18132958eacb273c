import type { BreakdownNotice } from '../extract/breakdown/types.ts';
import type { UnitKind } from './data/unit-kinds.ts';
import { bracketAliases, departmentKindOf, levelOf, mainName, unitKey, unitKind } from './unit-name.ts';

/** One unit as the directory knows it. Plain data: it serialises to JSON and back unchanged. */
export interface UnitEntry {
  /** The name it was first seen under, kept for display. */
  name: string;
  key: string;
  /** Other names seen or given for it (full names, short forms, bracketed second names). */
  aliases: string[];
  kind: UnitKind;
  /** The department kind (发改, 科技, …) whose duties it carries, when it is a department. */
  department?: string;
  /** How often a notice listed it, and how often first. */
  seen: number;
  led: number;
}

export interface UnitDirectory {
  /** The city the units belong to (宁波), so 宁波市发改委 and 市发改委 meet. */
  city?: string;
  /** The level word of the city's own departments (市, 区, 县). */
  level?: string;
  units: UnitEntry[];
}

export function createDirectory(city?: string): UnitDirectory {
  return { ...(city ? { city } : {}), units: [] };
}

/** The city an issuing office belongs to: 宁波市人民政府办公厅 → 宁波. */
export function cityOfIssuer(issuer: string | undefined): string | undefined {
  const m = issuer ? /^([\u4e00-\u9fa5]{2,4}?)(市|区|县|旗|州|盟)(人民政府|政府)/.exec(issuer) : null;
  return m ? m[1] : undefined;
}

function keysOf(directory: UnitDirectory, name: string): string[] {
  return [unitKey(name, directory.city)];
}

/** The entry a name stands for: by its key, or by any alias's key. */
export function resolveUnit(directory: UnitDirectory, name: string): UnitEntry | undefined {
  const [key] = keysOf(directory, name);
  return directory.units.find((u) => u.key === key) ?? directory.units.find((u) => u.aliases.some((a) => unitKey(a, directory.city) === key));
}

function entryFor(directory: UnitDirectory, name: string): UnitEntry {
  const found = resolveUnit(directory, name);
  if (found) {
    if (found.name !== name && !found.aliases.includes(name)) found.aliases.push(name);
    return found;
  }
  const department = departmentKindOf(name, directory.city);
  const entry: UnitEntry = {
    name,
    key: unitKey(name, directory.city),
    aliases: bracketAliases(name),
    kind: unitKind(name),
    ...(department ? { department: department.id } : {}),
    seen: 0,
    led: 0,
  };
  directory.units.push(entry);
  return entry;
}

/** Adds a unit by name (or finds it), returning the new directory; the one given is left as it was. */
export function addUnit(directory: UnitDirectory, name: string, edit: Partial<Pick<UnitEntry, 'kind' | 'department' | 'aliases'>> = {}): UnitDirectory {
  const next = structuredClone(directory);
  const entry = entryFor(next, name);
  if (edit.kind) entry.kind = edit.kind;
  if (edit.department) entry.department = edit.department;
  for (const alias of edit.aliases ?? []) if (!entry.aliases.includes(alias)) entry.aliases.push(alias);
  return next;
}

/** Records that `alias` (a full name, an old name, a short form) is another name of `name`. */
export function addAlias(directory: UnitDirectory, name: string, alias: string): UnitDirectory {
  return addUnit(directory, name, { aliases: [alias] });
}

/**
 * Learns the units of an imported notice: every unit listed for an item or
 * a project, counted, the first of each item counted as its lead. The city
 * comes from the issuing office when the directory has none yet.
 */
export function learnFromNotice(directory: UnitDirectory, notice: Pick<BreakdownNotice, 'issuer' | 'sections' | 'projects'>): UnitDirectory {
  const next = structuredClone(directory);
  if (!next.city) {
    const city = cityOfIssuer(notice.issuer);
    if (city) next.city = city;
  }
  const lists: { units: string[]; led: boolean }[] = [
    ...notice.sections.flatMap((s) => s.items.map((i) => ({ units: i.units, led: i.leadUnit !== undefined }))),
    ...notice.projects.map((p) => ({ units: [...p.units, ...p.partners], led: p.units.length > 0 })),
  ];
  const levels = new Map<string, number>();
  for (const { units, led } of lists) {
    units.forEach((name, i) => {
      const entry = entryFor(next, name);
      entry.seen++;
      if (i === 0 && led) entry.led++;
      const level = entry.kind === 'department' || entry.kind === 'party' ? levelOf(mainName(name), next.city) : undefined;
      if (level) levels.set(level, (levels.get(level) ?? 0) + 1);
    });
  }
  const level = [...levels.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (level && !next.level) next.level = level;
  return next;
}

/** The units of a department kind, most often leading first. */
export function unitsOfDepartment(directory: UnitDirectory, department: string): UnitEntry[] {
  return directory.units.filter((u) => u.department === department && u.kind !== 'group').sort((a, b) => b.led - a.led || b.seen - a.seen);
}
