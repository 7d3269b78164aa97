/**
 * The workbench page's script and style sheet. The package ships them built (`dist/workbench/`, made by
 * tsup at build time); a checkout of the sources builds them in memory with esbuild (a devDependency)
 * instead, so `tsx src/cli/index.ts workbench` and the tests always serve the current sources. Nothing is
 * fetched from a network, at build time or at run time.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { packageRoot } from '../packageRoot.js'

export interface WorkbenchAssets {
  js: string
  css: string
  /** The worker that parses the rule files off the page's main thread. */
  worker: string
}

/** The assets from the sources when present (a checkout), else the built ones (an installed package). */
export async function loadWorkbenchAssets(root: string = packageRoot()): Promise<WorkbenchAssets> {
  const entry = join(root, 'src', 'workbench', 'main.ts')
  if (existsSync(entry)) return buildWorkbenchAssets(entry)
  const dist = join(root, 'dist', 'workbench')
  const read = (name: string) => readFile(join(dist, name), 'utf8')
  return { js: await read('app.js'), css: await read('app.css'), worker: await read('worker.js') }
}

/** Bundles the page with esbuild, in memory (the same options as the tsup entry). */
export async function buildWorkbenchAssets(entry: string): Promise<WorkbenchAssets> {
  // A name in a variable, so the CLI bundle does not try to include esbuild (it is not installed with
  // the package; only a checkout has it).
  const name = 'esbuild'
  const esbuild = (await import(name)) as typeof import('esbuild')
  const result = await esbuild.build({
    entryPoints: { app: entry, worker: join(dirname(entry), 'parseWorker.ts') },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'out',
    logLevel: 'silent',
    legalComments: 'none',
  })
  const out = (name: string) => result.outputFiles.find((f) => basename(f.path) === name)?.text ?? ''
  return { js: out('app.js'), css: out('app.css'), worker: out('worker.js') }
}
