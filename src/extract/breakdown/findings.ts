import type { Message } from '../message.ts';
import type { BreakdownItem, Span } from './types.ts';

/** A finding of the breakdown reader, in the shape every extractor uses. */
export function finding(
  code: string,
  severity: Message['severity'],
  message: Message['message'],
  span: Span | undefined,
  location: Record<string, unknown>,
): Message {
  return { code, source: 'breakdown', severity, message, ...(span ? { span: { start: span.start, end: span.end } } : {}), location };
}

/** An item that names co-units but no lead unit: none is made lead in its place. */
export function leadUnitMissing(item: BreakdownItem, section: string): Message {
  return finding('ITEM_WITHOUT_LEAD_UNIT', 'warning', {
    zh: `第${item.no}项只有配合单位,没有牵头单位`,
    en: `item ${item.no} names co-units but no lead unit; none was made lead`,
  }, item.span, { section, item: item.no });
}
