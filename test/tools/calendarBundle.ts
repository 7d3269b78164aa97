/**
 * The size of an app that imports only the calendar: an esbuild bundle (browser, ESM, minified) of
 * `import { isWorkingDay } from 'xiaobao'`, with `xiaobao` resolved to src/index.ts.
 */
import { build } from 'esbuild'

const root = new URL('../..', import.meta.url).pathname

/** How an app's bundler builds for a browser: ESM, minified, tree-shaken (shared by the bundle measurements). */
export const BROWSER_BUILD = { bundle: true, write: false, format: 'esm', platform: 'browser', minify: true, treeShaking: true } as const

export async function calendarBundleBytes(): Promise<number> {
  const result = await build({
    stdin: { contents: `import { isWorkingDay } from 'xiaobao'\nconsole.log(isWorkingDay('2026-02-14'))\n`, resolveDir: root, loader: 'ts' },
    alias: { xiaobao: root + 'src/index.ts' },
    ...BROWSER_BUILD,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.contents.byteLength
}

if (process.argv[1]?.endsWith('calendarBundle.ts')) console.log(`${await calendarBundleBytes()} bytes`)
