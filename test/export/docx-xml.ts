import { strFromU8, unzipSync } from 'fflate';

/** The XML parts of a .docx, for assertions on what Word will read. */
export function docxParts(bytes: Uint8Array): { document: string; fontTable: string; footers: string[]; media: string[] } {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  return {
    document: strFromU8(files['word/document.xml']),
    fontTable: strFromU8(files['word/fontTable.xml']),
    footers: names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => strFromU8(files[n])),
    media: names.filter((n) => n.startsWith('word/media/')),
  };
}

/** The visible text of document.xml, paragraphs on separate lines. */
export function docxText(documentXml: string): string {
  return documentXml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
