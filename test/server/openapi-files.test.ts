import { describe, expect, it } from 'vitest';
import { MEDIA_TYPES, type Extension } from '../../src/server/exports/download.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import { allRoutes } from '../../src/server/routes/index.ts';

/** Download routes declare the file they answer with, so /api/openapi.json does not promise JSON. */

type Operation = { responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> };
const doc = openApiDocument(allRoutes()) as { paths: Record<string, Record<string, Operation>> };
const okContent = (path: string, method = 'get') => doc.paths[path][method].responses['200'].content;

describe('file responses in the OpenAPI document', () => {
  it('gives the ledger its spreadsheet media type and no JSON', () => {
    const content = okContent('/api/plans/{id}/ledger.xlsx');
    expect(Object.keys(content)).toEqual([MEDIA_TYPES.xlsx]);
    expect(content[MEDIA_TYPES.xlsx].schema).toEqual({ type: 'string', contentMediaType: MEDIA_TYPES.xlsx });
  });

  it('keeps the charset as a parameter of the key and leaves it out of contentMediaType', () => {
    const content = okContent('/api/plans/{id}/quantities.csv');
    expect(Object.keys(content)).toEqual(['text/csv; charset=utf-8; header=present']);
    expect(content['text/csv; charset=utf-8; header=present'].schema.contentMediaType).toBe('text/csv');
  });

  it('declares the media type of its extension for every route whose path names a file', () => {
    const files = Object.keys(doc.paths).filter((p) => /\.(xlsx|docx|pdf|md|csv|jsonl)$/.test(p));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const path of files) {
      const extension = path.slice(path.lastIndexOf('.') + 1) as Extension;
      expect(Object.keys(okContent(path)), path).toEqual([MEDIA_TYPES[extension]]);
    }
  });

  it('still answers JSON on the ledger diff and apply routes', () => {
    expect(Object.keys(okContent('/api/plans/{id}/ledger/diff', 'post'))).toEqual(['application/json']);
    expect(Object.keys(okContent('/api/plans/{id}/ledger/apply', 'post'))).toEqual(['application/json']);
  });
});
