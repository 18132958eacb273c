import { useEffect, useRef } from 'react';

/** The source text with one span marked and scrolled into view; text only, never HTML. */
export function SourceSpan({ text, span, context = 400 }: { text: string; span: { start: number; end: number } | null; context?: number }) {
  const mark = useRef<HTMLElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Scroll the box, not the page, so the marked span sits in the middle of it.
  useEffect(() => {
    if (mark.current && box.current) box.current.scrollTop = mark.current.offsetTop - box.current.offsetTop - box.current.clientHeight / 2;
  }, [span]);
  if (!span) return <div style={{ whiteSpace: 'pre-wrap' }}>{text.slice(0, context * 2)}</div>;
  const from = Math.max(0, span.start - context);
  const to = Math.min(text.length, span.end + context);
  return (
    <div ref={box} style={{ whiteSpace: 'pre-wrap', maxHeight: 280, overflow: 'auto', lineHeight: 1.8, position: 'relative' }} data-testid="source-span">
      {from > 0 && '…'}
      {text.slice(from, span.start)}
      <mark ref={mark}>{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end, to)}
      {to < text.length && '…'}
    </div>
  );
}
