/**
 * The import graph of src/ (every `import`/`export … from`/`import()` of a relative path, type-only
 * imports included; test files and `*.testing.ts` helpers left out): file edges, folder edges (top-level folders of src/; files
 * directly in src/ are their own node) and the cycles in each. `npx tsx test/tools/importGraph.ts`
 * prints the folder graph.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

export const SRC = new URL('../../src/', import.meta.url).pathname

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.test-d.ts') && !e.name.endsWith('.testing.ts') ? [join(dir, e.name)] : [],
  )
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm

/** File → the src files it imports (paths relative to src/). */
export function fileGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const file of walk(SRC)) {
    const from = relative(SRC, file)
    const edges = new Set<string>()
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!
      if (!spec.startsWith('.')) continue
      const to = relative(SRC, resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
      if (!to.startsWith('..') && to.endsWith('.ts')) edges.add(to)
    }
    graph.set(from, edges)
  }
  return graph
}

/** The folder (top-level under src/) a file belongs to; files directly in src/ are their own node. */
export const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : file)

export function folderGraph(files = fileGraph()): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const [from, tos] of files) {
    const a = folderOf(from)
    if (!graph.has(a)) graph.set(a, new Set())
    for (const to of tos) if (folderOf(to) !== a) graph.get(a)!.add(folderOf(to))
  }
  return graph
}

/** Strongly connected components with more than one node (or a self-loop): the cycles. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const out: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        comp.push(w)
      } while (w !== v)
      if (comp.length > 1 || graph.get(v)?.has(v)) out.push(comp.sort())
    }
  }
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v)
  return out
}

export function formatFolderGraph(graph = folderGraph()): string {
  return [...graph.keys()]
    .sort()
    .map((k) => `${k} → ${[...graph.get(k)!].sort().join(', ') || '(nothing)'}`)
    .join('\n')
}

if (process.argv[1]?.endsWith('importGraph.ts')) {
  const files = fileGraph()
  console.log(formatFolderGraph(folderGraph(files)))
  console.log('\nfile cycles:', JSON.stringify(cycles(files)))
  console.log('folder cycles:', JSON.stringify(cycles(folderGraph(files))))
}
