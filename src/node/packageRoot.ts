/**
 * The folder of the installed xiaobao package, found from this module's own location, so the CLI finds
 * the shipped `rules/` and `dist/workbench/` whether it runs from the sources (`tsx src/cli/index.ts`),
 * from `dist/cli/index.js`, or from `node_modules/xiaobao/`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let cached: string | undefined

export function packageRoot(): string {
  if (cached) return cached
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'xiaobao') return (cached = dir)
      } catch {
        // not ours: keep walking up
      }
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`xiaobao's package.json not found above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
}
