/**
 * The size of an app that routes one complaint synchronously: an esbuild bundle (browser, ESM, minified)
 * of `import { createEngine } from 'xiaobao'; createEngine().routeComplaintSync({...})`, with `xiaobao`
 * resolved to src/index.ts. `npx tsx test/tools/routeBundle.ts` prints raw and gzip bytes and the bytes
 * each input contributes (the metafile), largest first; `--entry top` measures the top-level
 * `routeComplaintSync(input)` instead of the engine's method.
 */
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = new URL('../..', import.meta.url).pathname

const ENTRIES = {
  engine: `import { createEngine } from 'xiaobao'\nconsole.log(createEngine().routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }))\n`,
  top: `import { routeComplaintSync } from 'xiaobao'\nconsole.log(routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }))\n`,
} as const

export type RouteBundleEntry = keyof typeof ENTRIES

export interface RouteBundleSize {
  bytes: number
  gzipBytes: number
  /** Bytes of the output each input file contributes, largest first. */
  byInput: { path: string; bytes: number }[]
}

export async function routeBundleSize(entry: RouteBundleEntry = 'engine'): Promise<RouteBundleSize> {
  const result = await build({
    stdin: { contents: ENTRIES[entry], resolveDir: root, loader: 'ts' },
    alias: { xiaobao: root + 'src/index.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    minify: true,
    treeShaking: true,
    metafile: true,
    outfile: 'route-bundle.js',
    logLevel: 'silent',
  })
  const out = result.outputFiles.find((f) => f.path.endsWith('.js'))!.contents
  const inputs = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined || o.inputs)!.inputs
  const byInput = Object.entries(inputs)
    .map(([path, v]) => ({ path, bytes: v.bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
  return { bytes: out.byteLength, gzipBytes: gzipSync(out).byteLength, byInput }
}

/** Groups input paths: `src/engine`, `zod`, `json-rules-engine`, … */
function groupOf(path: string): string {
  const nm = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (nm) return nm[1]!
  const src = path.match(/^src\/([^/]+)\//)
  return src ? `src/${src[1]}` : path
}

if (process.argv[1]?.endsWith('routeBundle.ts')) {
  const entry = (process.argv.includes('--entry') ? process.argv[process.argv.indexOf('--entry') + 1] : 'engine') as RouteBundleEntry
  const size = await routeBundleSize(entry)
  console.log(`${size.bytes} bytes, ${size.gzipBytes} gzip (entry: ${entry})`)
  const groups = new Map<string, number>()
  for (const i of size.byInput) groups.set(groupOf(i.path), (groups.get(groupOf(i.path)) ?? 0) + i.bytes)
  console.log('\nby group:')
  for (const [g, b] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${String(b).padStart(9)}  ${g}`)
  console.log('\nby input (top 40):')
  for (const i of size.byInput.slice(0, 40)) console.log(`${String(i.bytes).padStart(9)}  ${i.path}`)
}
