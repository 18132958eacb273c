/** Media types of the documents the workspace writes. */
export const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/jsonl; charset=utf-8',
} as const;

export type Extension = keyof typeof MEDIA_TYPES;

/** A written document ready to leave: bytes, the name a person sees, an ASCII name for old clients. */
export interface DocumentFile {
  bytes: Uint8Array;
  /** The file name as a person reads it (Chinese). */
  name: string;
  /** Fallback for clients that ignore `filename*`. */
  asciiName: string;
  extension: Extension;
}

/** RFC 5987 ext-value: UTF-8, percent-encoded beyond the attr-chars (encodeURIComponent leaves '()* unencoded). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Content-Disposition with an ASCII `filename` and the real name in `filename*` (RFC 6266 / RFC 5987). */
export function contentDisposition(file: Pick<DocumentFile, 'name' | 'asciiName'>): string {
  const ascii = file.asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.name)}`;
}

export function downloadResponse(file: DocumentFile): Response {
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'content-type': MEDIA_TYPES[file.extension],
      'content-disposition': contentDisposition(file),
      'content-length': String(file.bytes.length),
      'cache-control': 'no-store',
    },
  });
}
