/**
 * A warning or finding attached to a document, in the manner of vfile
 * messages: never thrown or printed by the pure layers, always carried with a
 * place, a rule id and the source that produced it.
 */
export interface Message {
  /** Stable machine code, e.g. `QUOTA_SUM_MISMATCH`. */
  code: string;
  /** Which part of the pipeline said it, e.g. `breakdown`, `quantities`. */
  source: string;
  severity: 'info' | 'warning' | 'error';
  message: { zh: string; en: string };
  /** Offsets into the original text, when the finding has a place. */
  span?: { start: number; end: number };
  /** Free-form location detail (item number, project title, …). */
  location?: Record<string, unknown>;
}
