import type { SourceDocument } from './text/source.ts';
import type { QuantityRecord } from './extract/quantity.ts';
import type { Message } from './extract/message.ts';
import { docId } from './text/source.ts';
import { normalise, type NormalisedText } from './text/normalise.ts';
import { buildOutline, type Outline } from './outline/outline.ts';
import { extractQuantities } from './extract/quantities/extract.ts';

/** Everything the pure pipeline learns from one document. */
export interface Analysis {
  doc: string;
  quantities: QuantityRecord[];
  messages: Message[];
  /** The cleaned text the outline and the extractor read, with its map back to `source.text`. */
  normalised: NormalisedText;
  outline: Outline;
}

// A notice that breaks a plan down into tasks speaks of targets throughout.
const PLAN_DOCUMENT = /分解|目标任务|工作要点|计划|安排/;

/** Text in, data out: normalise, outline and extract one document. */
export function analyse(source: SourceDocument): Analysis {
  const doc = docId(source.name);
  const normalised = normalise(source.text);
  const outline = buildOutline(normalised.text, source.name);
  const head = normalised.text.slice(0, 400);
  const defaultKind = PLAN_DOCUMENT.test(head) ? 'target' : 'actual';
  const messages: Message[] = [];
  const quantities = extractQuantities(doc, normalised, outline, defaultKind, messages);
  return { doc, quantities, messages, normalised, outline };
}
