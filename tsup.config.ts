import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // The isomorphic core and the Node entry: ESM + CJS with declarations. The core is built for a
    // neutral platform so a stray `node:` import fails the build instead of reaching a browser.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
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
    entry: { 'cli/index': 'src/cli/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    splitting: false,
  },
])
