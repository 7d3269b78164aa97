import { defineConfig } from 'tsup'

// chinese-days is read at `npm run gen` only (its holiday and lunar data become generated tables in
// src/calendar/): nothing built here imports it (test/architecture.test.ts).

export default defineConfig([
  {
    // The isomorphic core and the Node entry: ESM + CJS with declarations. The core is built for a
    // neutral platform so a stray `node:` import fails the build instead of reaching a browser.
    // `route`: routing alone (src/route.ts), a bundle of its own so a page that only routes carries
    // only that (the main entry is one file, whose rule-file schemas a bundler cannot leave out).
    entry: { index: 'src/index.ts', route: 'src/route.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    // Chinese text as UTF-8, not esbuild's default \uXXXX escapes (six bytes a character): dist/route.js
    // 349 → ~250 KB. Module scripts are UTF-8 by definition, and app bundlers (Vite, webpack, Rollup)
    // read and write UTF-8 (README, "In a browser").
    esbuildOptions(options) {
      options.charset = 'utf8'
    },
  },
  {
    entry: { 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    target: 'node20',
    dts: true,
    sourcemap: true,
    splitting: false,
  },
  {
    entry: { 'cli/index': 'src/cli/index.ts', 'cli/routeWorker': 'src/cli/routeWorker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    splitting: false,
  },
  {
    // The workbench page (`xiaobao workbench`): the core and CodeMirror bundled for a browser into
    // dist/workbench/app.js, app.css and worker.js (parses the rules off the main thread), which the
    // CLI serves; the page fetches nothing else.
    entry: { 'workbench/app': 'src/workbench/main.ts', 'workbench/worker': 'src/workbench/parseWorker.ts' },
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    minify: true,
    splitting: false,
    noExternal: [/./],
  },
])
