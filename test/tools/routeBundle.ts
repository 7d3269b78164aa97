/**
 * The size of an app that routes one complaint synchronously: an esbuild bundle (browser, ESM, minified)
 * of `import { createEngine } from 'xiaobao'; createEngine().routeComplaintSync({...})`, with `xiaobao`
 * resolved to src/index.ts. `npx tsx test/tools/routeBundle.ts` prints raw and gzip bytes and the bytes
 * each input contributes (the metafile), largest first; `--entry top` measures the top-level
 * `routeComplaintSync(input)` instead of the engine's method, `--entry route` the same from
 * `xiaobao/route` (src/route.ts). From the sources these two are the same; from the built package only
 * `xiaobao/route` is small (dist/index.js is one file: test/package.test.ts measures both).
 */
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { BROWSER_BUILD } from './calendarBundle.js'

const root = new URL('../..', import.meta.url).pathname

const ENTRIES = {
  engine: `import { createEngine } from 'xiaobao'\nconsole.log(createEngine().routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }))\n`,
  top: `import { routeComplaintSync } from 'xiaobao'\nconsole.log(routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }))\n`,
  route: `import { routeComplaintSync } from 'xiaobao/route'\nconsole.log(routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }))\n`,
} as const

export type RouteBundleEntry = keyof typeof ENTRIES

export interface RouteBundleSize {
  /** What the page loads to make the call: the entry chunk and every chunk it imports statically. */
  bytes: number
  gzipBytes: number
  /** Bytes of those chunks each input file contributes, largest first. */
  byInput: { path: string; bytes: number }[]
  /** Chunks loaded only by a dynamic `import()` (json-rules-engine, for `evaluator: 'reference'`). */
  lazy: { bytes: number; gzipBytes: number; inputs: string[] }
}

/**
 * Bundled with code splitting, as an app's bundler (Vite, Rollup, esbuild) does: a dynamic `import()`
 * becomes a chunk of its own, loaded only when called.
 */
export async function routeBundleSize(entry: RouteBundleEntry = 'engine', options: { charset?: 'ascii' | 'utf8' } = {}): Promise<RouteBundleSize> {
  const result = await build({
    stdin: { contents: ENTRIES[entry], resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    alias: { 'xiaobao/route': root + 'src/route.ts', xiaobao: root + 'src/index.ts' },
    ...BROWSER_BUILD,
    splitting: true,
    metafile: true,
    outdir: root + '.route-bundle',
    charset: options.charset ?? 'ascii',
    logLevel: 'silent',
  })
  const outputs = result.metafile.outputs
  const relative = (p: string) => p.slice(p.indexOf('.route-bundle/'))
  const contents = new Map(result.outputFiles.map((f) => [relative(f.path), f.contents]))
  const entryChunk = Object.keys(outputs).find((k) => outputs[k]!.entryPoint !== undefined)!
  const eager = new Set<string>()
  const visit = (k: string) => {
    if (eager.has(k)) return
    eager.add(k)
    for (const i of outputs[k]!.imports) if (i.kind === 'import-statement') visit(i.path)
  }
  visit(entryChunk)
  const sizes = (keys: string[]) => {
    let bytes = 0
    let gzipBytes = 0
    for (const k of keys) {
      const c = contents.get(relative(k))!
      bytes += c.byteLength
      gzipBytes += gzipSync(c).byteLength
    }
    return { bytes, gzipBytes }
  }
  const jsKeys = Object.keys(outputs).filter((k) => k.endsWith('.js'))
  const lazyKeys = jsKeys.filter((k) => !eager.has(k))
  const byInput = [...eager]
    .flatMap((k) => Object.entries(outputs[k]!.inputs).map(([path, v]) => ({ path, bytes: v.bytesInOutput })))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
  return {
    ...sizes([...eager]),
    byInput,
    lazy: { ...sizes(lazyKeys), inputs: lazyKeys.flatMap((k) => Object.keys(outputs[k]!.inputs)) },
  }
}

/**
 * The same call built by Vite (its production build: Rolldown, minified, modules split as an app's
 * are), the bundler a browser app most likely uses: `xiaobao` resolved to the sources, or to a folder
 * holding the package (`packageDir`, e.g. an app's node_modules/xiaobao) to measure dist/. Vite writes
 * UTF-8 whatever the input (it turns \uXXXX string escapes back into characters, except in template
 * literals). The page's JS: the entry chunk and the chunks it imports statically.
 */
export async function viteRouteBundleSize(entry: RouteBundleEntry = 'route', options: { packageDir?: string } = {}): Promise<{ bytes: number; gzipBytes: number }> {
  const { build: viteBuild } = await import('vite')
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const dir = mkdtempSync(tmpdir() + '/xiaobao-vite-')
  try {
    writeFileSync(dir + '/index.html', '<!doctype html><script type="module" src="./main.ts"></script>\n')
    writeFileSync(dir + '/main.ts', ENTRIES[entry])
    const alias = options.packageDir
      ? { 'xiaobao/route': options.packageDir + '/dist/route.js', xiaobao: options.packageDir + '/dist/index.js' }
      : { 'xiaobao/route': root + 'src/route.ts', xiaobao: root + 'src/index.ts' }
    const result = (await viteBuild({ root: dir, configFile: false, logLevel: 'silent', resolve: { alias }, build: { write: false, modulePreload: { polyfill: false } } })) as { output: { type: string; fileName: string; code?: string; isEntry?: boolean; imports?: string[] }[] }
    const chunks = new Map(result.output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]))
    const eager = new Set<string>()
    const visit = (name: string) => {
      if (eager.has(name) || !chunks.has(name)) return
      eager.add(name)
      for (const i of chunks.get(name)!.imports ?? []) visit(i)
    }
    for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name)
    let bytes = 0
    let gzipBytes = 0
    for (const name of eager) {
      const code = Buffer.from(chunks.get(name)!.code!)
      bytes += code.byteLength
      gzipBytes += gzipSync(code).byteLength
    }
    return { bytes, gzipBytes }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
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
  const utf8 = await routeBundleSize(entry, { charset: 'utf8' })
  const vite = await viteRouteBundleSize(entry)
  console.log(`${size.bytes} bytes, ${size.gzipBytes} gzip (entry: ${entry}; with charset utf8: ${utf8.bytes} bytes, ${utf8.gzipBytes} gzip; Vite: ${vite.bytes} bytes, ${vite.gzipBytes} gzip)`)
  console.log(`loaded only on demand: ${size.lazy.bytes} bytes, ${size.lazy.gzipBytes} gzip (${size.lazy.inputs.filter((i) => !i.startsWith('src/')).map(groupOf).filter((g, i, a) => a.indexOf(g) === i).join(', ') || 'nothing'})`)
  const groups = new Map<string, number>()
  for (const i of size.byInput) groups.set(groupOf(i.path), (groups.get(groupOf(i.path)) ?? 0) + i.bytes)
  console.log('\nby group:')
  for (const [g, b] of [...groups].sort((a, b) => b[1] - a[1])) console.log(`${String(b).padStart(9)}  ${g}`)
  console.log('\nby input (top 40):')
  for (const i of size.byInput.slice(0, 40)) console.log(`${String(i.bytes).padStart(9)}  ${i.path}`)
}
