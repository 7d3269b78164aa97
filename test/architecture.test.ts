/**
 * The shape of src/: no import cycle among files or among top-level folders; the loader (src/ruleset)
 * and the ground floor (src/conditions, src/problems) import no capability; no capability imports the
 * engine or the command line. Type-only imports count. The capability folders are read from the one
 * list in src/capabilities.ts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { cycles, fileGraph, folderGraph, folderOf, SRC } from './tools/importGraph.js'

const files = fileGraph()
const folders = folderGraph(files)
const capabilityFolders = [...readFileSync(SRC + 'capabilities.ts', 'utf8').matchAll(/import \{ \w+Capability \} from '\.\/([a-z]+)\/capability\.js'/g)].map((m) => m[1]!)

describe('the import graph of src/', () => {
  test('the capability folders are found in src/capabilities.ts', () => {
    expect(capabilityFolders.sort()).toEqual(['calendar', 'escalations', 'meetings', 'report', 'routing'])
  })

  test('no cycle among files', () => {
    expect(cycles(files)).toEqual([])
  })

  test('no cycle among top-level folders', () => {
    expect(cycles(folders)).toEqual([])
  })

  test.each(['ruleset', 'conditions', 'problems', 'scenarios'])('%s imports no capability', (folder) => {
    const arrows = [...files].flatMap(([from, tos]) => (folderOf(from) === folder ? [...tos].filter((to) => capabilityFolders.includes(folderOf(to))).map((to) => `${from} → ${to}`) : []))
    expect(arrows).toEqual([])
  })

  test('no capability imports engine/, cli/, analysis/ or src/capabilities.ts', () => {
    const arrows = [...files].flatMap(([from, tos]) =>
      capabilityFolders.includes(folderOf(from)) ? [...tos].filter((to) => ['engine', 'cli', 'analysis', 'capabilities.ts', 'index.ts'].includes(folderOf(to))).map((to) => `${from} → ${to}`) : [],
    )
    expect(arrows).toEqual([])
  })

  test('nothing in src/ imports chinese-days but the reader `npm run gen` runs (its data is a generated table)', () => {
    const importers = [...readdirSync(SRC, { recursive: true, encoding: 'utf8' })]
      .filter((path) => path.endsWith('.ts') && !/\.test(-d)?\.ts$|\.testing\.ts$/.test(path))
      .filter((path) => /from 'chinese-days/.test(readFileSync(SRC + path, 'utf8')))
    expect(importers).toEqual([])
  })

  test('the ground floor imports only the ground floor', () => {
    for (const folder of ['conditions', 'problems', 'sections.ts']) expect([...(folders.get(folder) ?? [])].filter((to) => !['problems', 'sections.ts'].includes(to)), folder).toEqual([])
  })
})
