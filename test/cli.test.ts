/**
 * The CLI, run in-process through `main()` with captured streams, on the base fixture and examples/.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, cpSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { FIXTURES, runCli } from './fixtures.js'

const ROOT = new URL('..', import.meta.url).pathname

const run = runCli

describe('xiaobao CLI', () => {
  test('--help on every command', async () => {
    for (const command of ['route', 'lint', 'test', 'schema']) {
      const r = await run([command, '--help'])
      expect(r.code).toBe(0)
      expect(r.out).toContain(`xiaobao ${command}`)
    }
    expect((await run(['--help'])).out).toContain('route')
    expect((await run(['bogus'])).code).toBe(2)
  })

  test('route: one JSON complaint gives a pretty decision', async () => {
    const r = await run(['route', 'examples/complaint.json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ id: 'C-2026-0001', disposition: 'route', lead: { id: 'food-circulation' } })
  })

  test('route: NDJSON in order, one line per input line, errors as records, nothing dropped', async () => {
    const input = [
      JSON.stringify({ id: 'a', kind: 'complaint', receivedOn: '2026-03-02', text: '缺斤少两' }),
      '{ not json',
      JSON.stringify({ id: 'c', kind: 'complaint', receivedOn: '2026-02-30', text: 'x' }),
      JSON.stringify({ id: 'd', kind: 'inquiry', receivedOn: '2026-03-02', text: '电子秤' }),
    ].join('\n')
    const r = await run(['route', '-', '--rules', FIXTURES + 'base'], input)
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatchObject({ id: 'a', lead: { id: 'metrology' } })
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'invalid_json' } })
    expect(lines[2]).toMatchObject({ line: 3, id: 'c', error: { code: 'invalid_input' } })
    expect(lines[3]).toMatchObject({ id: 'd', lead: { id: 'metrology' } })
    expect(r.code).toBe(0)
    expect(r.err).toContain('2 routed, 2 error records')
    expect((await run(['route', '-', '--strict', '--rules', FIXTURES + 'base'], input)).code).toBe(1)
  })

  test('lint: clean rules pass; broken rules list file:line:col and exit 1', async () => {
    expect((await run(['lint', 'test/fixtures/base'])).code).toBe(0)
    const dir = mkdtempSync(join(tmpdir(), 'xiaobao-lint-'))
    cpSync(FIXTURES + 'base', dir, { recursive: true })
    writeFileSync(join(dir, 'zz-broken.yaml'), 'kind: vocabularies\nvocabularies:\n  预付卡: { keywords: [x] }\n')
    const r = await run(['lint', dir])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/zz-broken\.yaml:3:3 错误 \[duplicate_vocabulary\]/)
  })

  test('test: runs the scenario files and ends with "N passed, M failed"', async () => {
    const r = await run(['test', 'test/fixtures/base'])
    expect(r.code).toBe(0)
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/)
    const dir = mkdtempSync(join(tmpdir(), 'xiaobao-test-'))
    cpSync(FIXTURES + 'base', dir, { recursive: true })
    writeFileSync(join(dir, 'wrong.test.yaml'), 'kind: scenarios\nscenarios:\n  - name: 故意写错\n    input: { kind: complaint, receivedOn: "2026-03-02", text: 缺斤少两 }\n    expect: { lead: consumer-protection }\n')
    const failing = await run(['test', dir])
    expect(failing.code).toBe(1)
    expect(failing.out).toContain('✗ 故意写错')
    expect(failing.out).toContain('lead: 期望 consumer-protection，实际 metrology')
  })

  test('schema [rules-dir] writes the folder\'s schemas: the shipped ones for the shipped rules, its own names for another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xiaobao-schema-'))
    cpSync(ROOT + 'rules', dir, { recursive: true, filter: (src) => !src.includes('/schemas') })
    const r = await run(['schema', dir])
    expect(r.code).toBe(0)
    expect(r.out).toContain(join(dir, 'schemas', 'section.schema.json'))
    for (const name of readdirSync(ROOT + 'rules/schemas')) expect(readFileSync(join(dir, 'schemas', name), 'utf8'), name).toBe(readFileSync(ROOT + 'rules/schemas/' + name, 'utf8'))
    // A vocabulary of the bureau's own becomes a name the editor offers.
    const vocabularies = join(dir, 'vocabularies', readdirSync(join(dir, 'vocabularies'))[0]!)
    writeFileSync(vocabularies, readFileSync(vocabularies, 'utf8') + '  本局自定的词表:\n    keywords: [某词]\n')
    expect((await run(['schema', dir])).code).toBe(0)
    expect(readFileSync(join(dir, 'schemas', 'section.schema.json'), 'utf8')).toContain('本局自定的词表')
    // Rules that do not load: the generic schemas, and a word why.
    writeFileSync(join(dir, 'config.yaml'), 'kind: config\n')
    const broken = await run(['schema', dir])
    expect(broken.code).toBe(0)
    expect(broken.err).toContain('通用 schema')
    expect(readFileSync(join(dir, 'schemas', 'section.schema.json'), 'utf8')).not.toContain('本局自定的词表')
  })

  test('the example app runs and prints who leads, who assists and why', () => {
    const out = execFileSync('npx', ['tsx', 'examples/app.ts'], { cwd: ROOT, encoding: 'utf8' })
    expect(out).toContain('主办：食品流通安全监督管理股')
    expect(out).toContain('主办：计量股')
    expect(out).toContain('错误 invalid_input')
  })

  test('route --jobs must be a whole number; from sources it runs in process', async () => {
    expect((await run(['route', 'examples/complaint.json', '--jobs', 'many'])).code).toBe(2)
    const r = await run(['route', '-', '--jobs', '2', '--rules', FIXTURES + 'base'], JSON.stringify({ kind: 'complaint', receivedOn: '2026-03-02', text: '缺斤少两' }))
    expect(JSON.parse(r.out)).toMatchObject({ lead: { id: 'metrology' } })
  })

  test('a missing rules folder is a clear error, not a crash', async () => {
    const r = await run(['lint', 'no-such-folder'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('missing_file')
  })
})
