import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/text/decode.ts';
import { readDocument } from '../../src/text/read.ts';
import { encodeBig5, encodeGb18030, encodeUtf16, seed, utf8, withUtf8Bom } from './read-fixtures.ts';

const report = readFileSync(seed('004_ad8a31608d826934.txt'), 'utf8');
/** The traditional-character seed's lines that Big5 can encode (it lacks some characters, such as 岙). */
const traditional = readFileSync(seed('003_7000cab354e92bb1.txt'), 'utf8').split('\n').slice(1)
  .filter((line) => { try { encodeBig5(line); return true; } catch { return false; } })
  .join('\n');

describe('a seed report converted to each encoding reads back as the same text', () => {
  it.each([
    ['UTF-8', utf8(report), 'utf-8'],
    ['UTF-8 with a BOM', withUtf8Bom(report), 'utf-8'],
    ['UTF-16LE with a BOM', encodeUtf16(report, 'le', true), 'utf-16le'],
    ['UTF-16BE with a BOM', encodeUtf16(report, 'be', true), 'utf-16be'],
    ['UTF-16LE without a BOM', encodeUtf16(report, 'le', false), 'utf-16le'],
    ['UTF-16BE without a BOM', encodeUtf16(report, 'be', false), 'utf-16be'],
    ['GB18030', encodeGb18030(report), 'gb18030'],
  ])('%s', async (_what, bytes, encoding) => {
    const doc = await readDocument(bytes, '004_ad8a31608d826934.txt');
    expect(doc.encoding).toBe(encoding);
    expect(doc.text).toBe(report);
    expect(doc.format).toBe('txt');
  });

  it('GB18030 and Big5 longer than the 1 MB scored to choose the encoding', () => {
    for (const [text, bytes, encoding] of [[report.repeat(40), encodeGb18030(report.repeat(40)), 'gb18030'], [traditional.repeat(80), encodeBig5(traditional.repeat(80)), 'big5']] as const) {
      expect(bytes.length).toBeGreaterThan(1024 * 1024);
      expect(decodeText(bytes)).toEqual({ ok: true, text, encoding });
    }
  });

  it('traditional characters in Big5', async () => {
    expect(traditional.length).toBeGreaterThan(5000);
    const doc = await readDocument(encodeBig5(traditional), 'big5.txt');
    expect(doc.encoding).toBe('big5');
    expect(doc.text).toBe(traditional);
  });
});

describe('decodeText', () => {
  it('turns Windows and old Mac line endings into \\n', () => {
    expect(decodeText(utf8('一\r\n二\r三\n'))).toEqual({ ok: true, text: '一\n二\n三\n', encoding: 'utf-8' });
  });

  it('reads UTF-8 cut in the middle of a character as UTF-8, not as GB18030', () => {
    const bytes = utf8(report).subarray(0, 3001);
    const r = decodeText(bytes);
    expect(r.ok && r.encoding).toBe('utf-8');
    expect(r.ok && r.text.startsWith(report.slice(0, 900))).toBe(true);
  });

  it('reads UTF-16 without a BOM that was cut at an odd byte', () => {
    const bytes = encodeUtf16(report, 'le', false).subarray(0, 20001);
    expect(decodeText(bytes)).toMatchObject({ ok: true, encoding: 'utf-16le', text: `${report.slice(0, 10000)}\ufffd` });
  });

  it('trusts a page that declares GBK only when its bytes are not UTF-8', () => {
    expect(decodeText(utf8('增长6.5%'), 'gbk')).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(decodeText(encodeGb18030('增长6.5%'), 'gbk')).toMatchObject({ ok: true, encoding: 'gb18030', text: '增长6.5%' });
  });

  it('refuses bytes that are no text in any of its encodings', () => {
    // high bytes with no control characters: neither UTF-8 nor plausible GB18030 or Big5
    const bytes = Uint8Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 7919) % 127));
    expect(decodeText(bytes)).toEqual({ ok: false, reason: expect.stringMatching(/not readable text/) });
  });

  it('refuses control characters as binary', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 0x03 : 0x41));
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'binary data (control bytes)' });
  });
});
