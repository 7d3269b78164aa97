/**
 * Every observable output is byte-identical to test/snapshots/ (see test/tools/snapshot.ts). When a change
 * is meant to alter behaviour, run `npm run snapshot:update` and review the diff.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { expect, test } from 'vitest'
import { collectSnapshots, SNAPSHOT_DIR } from './tools/snapshot.js'

async function stored(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await stored(p)))
    else out.push(relative(SNAPSHOT_DIR, p))
  }
  return out.sort()
}

const snaps = await collectSnapshots()

test('the same snapshot files', async () => {
  expect(Object.keys(snaps).sort()).toEqual(await stored(SNAPSHOT_DIR))
})

test.each(Object.keys(snaps).sort())('%s is byte-identical', async (name) => {
  const want = await readFile(join(SNAPSHOT_DIR, name), 'utf8')
  // Not toEqual on the whole text: a short first difference is easier to read than a 100 KB diff.
  if (snaps[name] !== want) {
    const a = snaps[name]!.split('\n')
    const b = want.split('\n')
    const i = a.findIndex((line, k) => line !== b[k])
    expect(`line ${i + 1}: ${a[i]}`).toBe(`line ${i + 1}: ${b[i]}`)
  }
  expect(snaps[name] === want).toBe(true)
})
