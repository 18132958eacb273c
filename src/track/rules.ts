import { z } from 'zod';

export const STATUSES = ['not_started', 'on_track', 'behind', 'seriously_behind', 'overdue', 'done', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** How loud a status is: escalation counts warnings and alerts. */
export type Level = 'ok' | 'warning' | 'alert';

/**
 * An organisation's supervision rules. The defaults are the practice seen in
 * Yinchuan, Shouguang and Xi'an: yellow 10–30 points behind time-elapsed
 * progress or within 3 days of a deadline, red more than 30 behind or
 * overdue, blue when done, green otherwise.
 */
export interface StatusRules {
  /** Points behind expected progress from which a task is behind (yellow). */
  behindPoints: number;
  /** Points behind expected progress beyond which it is seriously behind (red). */
  seriouslyBehindPoints: number;
  /** A task not done this many days or fewer before its deadline is flagged. */
  nearDeadlineDays: number;
  colours: Record<Status | 'near_deadline', string>;
  escalation: {
    /** Consecutive yellow-or-red periods that bring a formal supervision letter (督办单). */
    letterAfter: number;
    /** Consecutive red periods that bring a talk with the leader (约谈). */
    talkAfter: number;
  };
}

export const DEFAULT_RULES: StatusRules = {
  behindPoints: 10,
  seriouslyBehindPoints: 30,
  nearDeadlineDays: 3,
  colours: {
    not_started: 'green',
    on_track: 'green',
    behind: 'yellow',
    seriously_behind: 'red',
    overdue: 'red',
    done: 'blue',
    closed: 'blue',
    near_deadline: 'yellow',
  },
  escalation: { letterAfter: 2, talkAfter: 3 },
};

const points = z.number().min(0).max(100);
const count = z.number().int().min(1);
const colour = z.string().trim().min(1);

const rulesInput = z.object({
  behindPoints: points.optional(),
  seriouslyBehindPoints: points.optional(),
  nearDeadlineDays: z.number().int().min(0).max(366).optional(),
  colours: z.object(Object.fromEntries([...STATUSES, 'near_deadline'].map((s) => [s, colour.optional()]))).strict().optional(),
  escalation: z.object({ letterAfter: count.optional(), talkAfter: count.optional() }).strict().optional(),
}).strict();

export type RulesResult = { ok: true; rules: StatusRules } | { ok: false; errors: string[] };

/** Reads an organisation's rules (any subset of the fields) over the defaults, and says what is wrong instead of throwing. */
export function parseStatusRules(input: unknown): RulesResult {
  const parsed = rulesInput.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(rules)'}: ${i.message}`) };
  }
  const p = parsed.data;
  const rules: StatusRules = {
    behindPoints: p.behindPoints ?? DEFAULT_RULES.behindPoints,
    seriouslyBehindPoints: p.seriouslyBehindPoints ?? DEFAULT_RULES.seriouslyBehindPoints,
    nearDeadlineDays: p.nearDeadlineDays ?? DEFAULT_RULES.nearDeadlineDays,
    colours: { ...DEFAULT_RULES.colours, ...definedOnly(p.colours ?? {}) } as StatusRules['colours'],
    escalation: { ...DEFAULT_RULES.escalation, ...definedOnly(p.escalation ?? {}) },
  };
  if (rules.behindPoints >= rules.seriouslyBehindPoints) {
    return { ok: false, errors: [`behindPoints (${rules.behindPoints}) must be below seriouslyBehindPoints (${rules.seriouslyBehindPoints})`] };
  }
  return { ok: true, rules };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
