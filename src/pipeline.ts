import type { SourceDocument } from './text/source.ts';
import type { QuantityRecord } from './extract/quantity.ts';
import type { Message } from './extract/message.ts';
import { docId } from './text/source.ts';

/** Everything the pure pipeline learns from one document. */
export interface Analysis {
  doc: string;
  quantities: QuantityRecord[];
  messages: Message[];
}

/** Text in, data out: normalise, outline and extract one document. (Stub: filled in by the extraction work.) */
export function analyse(source: SourceDocument): Analysis {
  return { doc: docId(source.name), quantities: [], messages: [] };
}
