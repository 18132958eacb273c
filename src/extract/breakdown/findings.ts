import type { Message } from '../message.ts';
import type { Span } from './types.ts';

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
