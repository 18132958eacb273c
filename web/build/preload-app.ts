import type { Plugin } from 'vite';

/**
 * main.tsx only sends the first requests and then imports the app (root.tsx).
 * Vite would fetch that import's chunks only once the entry has run; this lists
 * them in index.html as modulepreload links, so they download and compile
 * alongside the entry instead of after it.
 */
export function preloadApp(): Plugin {
  return {
    name: 'luoshi-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return [];
        const seen = new Set<string>([entry.fileName, ...entry.imports]);
        const files: string[] = [];
        const visit = (file: string) => {
          if (seen.has(file)) return;
          seen.add(file);
          const chunk = bundle[file];
          if (!chunk || chunk.type !== 'chunk') return;
          chunk.imports.forEach(visit);
          files.push(file);
        };
        entry.dynamicImports.filter((f) => /(^|\/)root-[^/]*\.js$/.test(f)).forEach(visit);
        return files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}
