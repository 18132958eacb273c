import { lazy, Suspense, type ComponentProps } from 'react';
import type { Result as AntResult } from 'antd';

/**
 * antd's Result carries its 403/404/500 illustrations (about 30 KiB): it is
 * only shown on refusals and empty workspaces, so it loads on demand and stays
 * out of the first chunk.
 */
const Result = lazy(() => import('./ResultChunk.tsx').then((m) => ({ default: m.Result })));

export function LazyResult(props: ComponentProps<typeof AntResult>) {
  return <Suspense fallback={null}><Result {...props} /></Suspense>;
}
