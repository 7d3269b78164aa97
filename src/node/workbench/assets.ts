/**
 * The workbench page's script and style sheet. The package ships them built (`dist/workbench/`, made by
 * tsup at build time); a checkout of the sources builds them in memory with esbuild (a devDependency)
 * instead, so `tsx src/cli/index.ts workbench` and the tests always serve the current sources. Nothing is
 * fetched from a network, at build time or at run time.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot } from '../packageRoot.js'

export interface WorkbenchAssets {
  js: string
  css: string
}

/** The assets from the sources when present (a checkout), else the built ones (an installed package). */
export async function loadWorkbenchAssets(root: string = packageRoot()): Promise<WorkbenchAssets> {
  const entry = join(root, 'src', 'workbench', 'main.ts')
  if (existsSync(entry)) return buildWorkbenchAssets(entry)
  const dist = join(root, 'dist', 'workbench')
  return { js: await readFile(join(dist, 'app.js'), 'utf8'), css: await readFile(join(dist, 'app.css'), 'utf8') }
}

/** Bundles the page with esbuild, in memory (the same options as the tsup entry). */
export async function buildWorkbenchAssets(entry: string): Promise<WorkbenchAssets> {
  // A name in a variable, so the CLI bundle does not try to include esbuild (it is not installed with
  // the package; only a checkout has it).
  const name = 'esbuild'
  const esbuild = (await import(name)) as typeof import('esbuild')
  const result = await esbuild.build({
    entryPoints: { app: entry },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'out',
    logLevel: 'silent',
    legalComments: 'none',
  })
  const out = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? ''
  return { js: out('.js'), css: out('.css') }
}
