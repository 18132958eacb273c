import { describe, expect, it } from 'vitest';
import { zipSync, zlibSync, strToU8 } from 'fflate';
import { readDocument } from '../../src/text/read.ts';
import { READ_LIMITS } from '../../src/text/read-limits.ts';
import { RefusedInput } from '../../src/text/source.ts';
import { buildDocx, buildEncryptedPdf, buildImageOnlyPdf, buildPdf, buildTextPdf, para } from './read-fixtures.ts';

/** The one-line message a refusal carries, or a failure if the file was read. */
async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readDocument(bytes, name);
  } catch (err) {
    expect(err).toBeInstanceOf(RefusedInput);
    expect((err as Error).message).not.toContain('\n');
    return (err as Error).message;
  }
  throw new Error(`${name} was read, not refused`);
}

/** Deterministic noise, so a failure can be reproduced. */
function noise(length: number): Uint8Array {
  let x = 2463534242;
  return Uint8Array.from({ length }, () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return x & 0xff; });
}

describe('inputs that are refused with a one-line reason naming the file', () => {
  it('an empty file', async () => {
    expect(await refusal(new Uint8Array(), 'reports/empty.txt')).toBe('empty.txt: empty file');
  });

  it('a file of only whitespace', async () => {
    expect(await refusal(new TextEncoder().encode(' \n\t\n'), 'blank.txt')).toBe('blank.txt: no text in this text file');
  });

  it('random binary data', async () => {
    expect(await refusal(noise(5000), 'noise.txt')).toBe('noise.txt: binary data (contains NUL bytes)');
  });

  it('a PNG image, whatever its name', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(200)]);
    expect(await refusal(png, 'report.txt')).toBe('report.txt: not a text document: a PNG image');
  });

  it('an executable', async () => {
    expect(await refusal(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...noise(100)]), 'a.out')).toBe('a.out: not a text document: an executable (ELF)');
  });

  it('a legacy .doc', async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(100)]), 'old.doc')).toMatch(/^old\.doc: .*save it as \.docx$/);
  });

  it('a truncated .docx', async () => {
    const docx = buildDocx(para('实现地区生产总值2211亿元'));
    expect(await refusal(docx.subarray(0, docx.length - 40), 'cut.docx')).toBe('cut.docx: corrupt .docx: not a complete zip archive (truncated or damaged)');
  });

  it('a .docx whose zip has no word/document.xml', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<w:styles/>') });
    expect(await refusal(zip, 'hollow.docx')).toBe('hollow.docx: corrupt .docx: no word/document.xml');
  });

  it('a zip that is not a .docx', async () => {
    const zip = zipSync({ 'photos/a.txt': strToU8('hello') });
    expect(await refusal(zip, 'archive.zip')).toBe('archive.zip: a zip archive that is not a .docx (no word/document.xml)');
  });

  it('an Excel workbook', async () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(await refusal(zip, 'table.xlsx')).toBe('table.xlsx: not a text document: an Excel workbook (.xlsx)');
  });

  it('a .docx that is not a zip at all', async () => {
    expect(await refusal(new TextEncoder().encode('just text'), 'fake.docx')).toBe('fake.docx: corrupt .docx: not a zip archive');
  });

  it('a zip bomb inside a .docx (with the limit lowered so the bomb stays small)', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(10 * 1024);
    const limits = { ...READ_LIMITS, maxDocxPartBytes: 1024 * 1024 };
    await expect(readDocument(bomb, 'bomb.docx', limits)).rejects.toThrow(
      'bomb.docx: corrupt .docx: zip entry word/document.xml decompresses to more than 1.0 MB (zip bomb?)');
  });

  it('a .docx whose XML nests absurdly deep', async () => {
    const deep = buildDocx('<w:sdt><w:sdtContent>'.repeat(50_000) + para('x') + '</w:sdtContent></w:sdt>'.repeat(50_000));
    expect(await refusal(deep, 'deep.docx')).toBe('deep.docx: corrupt .docx: word/document.xml nests its elements 100005 deep, more than 5000');
  });

  it('a .docx or web page with more elements than a report has (limit lowered to keep the file small)', async () => {
    const limits = { ...READ_LIMITS, maxMarkupElements: 1_000 };
    const refusedWith = async (bytes: Uint8Array, name: string) => readDocument(bytes, name, limits).then(() => 'read', (err: Error) => err.message);
    expect(await refusedWith(buildDocx(para('增长6%。').repeat(400)), 'long.docx')).toBe('long.docx: corrupt .docx: word/document.xml has more than 1000 elements, far more than a report holds');
    expect(await refusedWith(strToU8(`<html><body>${'<span>增</span>'.repeat(1_000)}</body></html>`), 'wide.html')).toBe('wide.html: web page has more than 1000 elements, far more than a report holds');
    expect(await refusedWith(strToU8(`<html><body>${'<span>增</span>'.repeat(990)}</body></html>`), 'fine.html')).toBe('read');
  });

  it('a text longer than a report can be (limit lowered)', async () => {
    const limits = { ...READ_LIMITS, maxTextChars: 2_000_000 };
    const text = strToU8('地区生产总值增长6%。\n'.repeat(250_000));
    await expect(readDocument(text, 'huge.txt', limits)).rejects.toThrow('huge.txt: text is 3 M characters, more than the 2 M a report holds');
    await expect(readDocument(text, 'huge.txt')).resolves.toMatchObject({ format: 'txt' });
  });

  it('a password-protected .docx (Office wraps it in a compound file), with the directory past the first 8 KB', async () => {
    const cfb = new Uint8Array(16 * 1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const view = new DataView(cfb.buffer);
    view.setUint16(0x1e, 9, true); // 512-byte sectors
    view.setUint32(0x30, 20, true); // directory in sector 20, at byte 21 × 512
    cfb.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 21 * 512 + 128);
    expect(await refusal(cfb, 'secret.docx')).toBe('secret.docx: not readable: a password-protected (encrypted) Office document; save it again without a password');
    view.setUint32(0x30, 0, true);
    expect(await refusal(cfb, 'old.doc')).toBe('old.doc: not a text document: a legacy Office file (.doc/.xls/.ppt); save it as .docx');
  });

  it('a name with control characters is made printable in the message', () => {
    const err = new RefusedInput('a\u001b[31m.docx', 'zip entry word/x\ny.xml is broken\u0085');
    expect(err.message).toBe('a?[31m.docx: zip entry word/x?y.xml is broken?');
    expect(err.reason).toBe('zip entry word/x?y.xml is broken?');
  });

  it('a PDF whose streams inflate past the limits (lowered), while a large image stream is not counted', async () => {
    const limits = { ...READ_LIMITS, maxPdfStreamBytes: 1 << 20, maxPdfInflatedBytes: 3 << 20 };
    const stream = (dictionary: string, bytes: number) => {
      const data = Buffer.from(zlibSync(new Uint8Array(bytes).fill(0x20))).toString('latin1');
      return `<< ${dictionary} /Length ${data.length} /Filter /FlateDecode >>\nstream\n${data}\nendstream`;
    };
    const pdf = (...streams: string[]) => buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', ...streams]);
    const outcome = (bytes: Uint8Array) => readDocument(bytes, 'bomb.pdf', limits).then(() => 'read', (err: Error) => err.message);
    expect(await outcome(pdf(stream('', 2 << 20)))).toBe('bomb.pdf: PDF has a compressed stream that inflates to more than 1.0 MB (decompression bomb?)');
    expect(await outcome(pdf(...Array.from({ length: 4 }, () => stream('', 900 << 10))))).toBe("bomb.pdf: PDF's compressed streams inflate to more than 3.0 MB in all (decompression bomb?)");
    expect(await outcome(pdf(stream('/Type /XObject /Subtype /Image /Width 2048 /Height 1024', 2 << 20)))).toBe('bomb.pdf: PDF has no text layer (scanned or image-only); run OCR on it first');
  });

  it('an image-only PDF', async () => {
    expect(await refusal(buildImageOnlyPdf(), 'scan.pdf')).toBe('scan.pdf: PDF has no text layer (scanned or image-only); run OCR on it first');
  });

  it('a PDF whose text layer is glyph codes, not text', async () => {
    const pdf = buildTextPdf([[{ x: 72, y: 760, text: '\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008 2020' }]]);
    expect(await refusal(pdf, 'glyphs.pdf')).toBe('glyphs.pdf: PDF text layer is not readable text (fonts without a Unicode map); run OCR on it first');
  });

  it('a password-protected PDF', async () => {
    expect(await refusal(buildEncryptedPdf(), 'secret.pdf')).toBe('secret.pdf: password-protected PDF');
  });

  it('a corrupt PDF', async () => {
    expect(await refusal(new TextEncoder().encode('%PDF-1.7\n1 0 obj << broken'), 'broken.pdf')).toMatch(/^broken\.pdf: corrupt PDF: /);
  });

  it('a .pdf that is no PDF', async () => {
    expect(await refusal(new TextEncoder().encode('plain words'), 'x.pdf')).toBe('x.pdf: corrupt PDF: no %PDF header');
  });

  it('text in no encoding it knows', async () => {
    const bytes = Uint8Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 7919) % 127));
    expect(await refusal(bytes, 'garbled.txt')).toBe('garbled.txt: not readable text: decodes neither as UTF-8, UTF-16 nor GB18030/Big5');
  });

  it('a file over the size limit, without reading it', async () => {
    expect(await refusal(new Uint8Array(101 * 1024 * 1024), 'huge.txt')).toBe('huge.txt: file is 101.0 MB, over the 100.0 MB limit');
  });
});
