/**
 * Provenance: every result names the rules that produced it — config.yaml's `version` and a content hash of
 * the rule files that is the same on every machine and with either line ending.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { createEngine } from '../src/engine/createEngine.js'
import { defaultRuleSet, bundledRuleFiles } from '../src/engine/defaultRuleSet.js'
import { parseRuleSetOrThrow } from '../src/capabilities.js'
import { ruleFilesHash, sha256Hex } from '../src/ruleset/contentHash.js'
import { loadRuleSet } from '../src/node/loadRuleSet.js'
import { runCli, RULES_DIR } from './fixtures.js'

const ROOT = new URL('..', import.meta.url).pathname

describe('the rule files\' content hash', () => {
  test('SHA-256 matches the known vectors', () => {
    expect(sha256Hex(new TextEncoder().encode(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  test('the same whatever the order, line endings, BOM or path separators', () => {
    const files = bundledRuleFiles()
    const hash = ruleFilesHash(files)
    expect(hash).toMatch(/^sha256:[0-9a-f]{16}$/)
    expect(ruleFilesHash([...files].reverse())).toBe(hash)
    expect(ruleFilesHash(files.map((f) => ({ path: f.path.replaceAll('/', '\\'), text: '\uFEFF' + f.text.replaceAll('\n', '\r\n') })))).toBe(hash)
  })

  test('changes when any file changes', () => {
    const files = bundledRuleFiles()
    const hash = ruleFilesHash(files)
    const edited = files.map((f, i) => (i === 3 ? { ...f, text: f.text + '#\n' } : f))
    expect(ruleFilesHash(edited)).not.toBe(hash)
    expect(ruleFilesHash(files.slice(1))).not.toBe(hash)
  })

  test('the bundled rule set and the rules folder read from disk agree', async () => {
    const version = (parse(readFileSync(RULES_DIR + 'config.yaml', 'utf8')) as { version: string }).version
    const fromDisk = await loadRuleSet(RULES_DIR)
    expect(defaultRuleSet().provenance).toEqual({ version, hash: fromDisk.provenance.hash })
    expect(parseRuleSetOrThrow(bundledRuleFiles()).provenance).toEqual(defaultRuleSet().provenance)
  })
})

describe('every result carries ruleSet: { version, hash }', () => {
  const engine = createEngine()
  const provenance = defaultRuleSet().provenance

  test('a routing decision', async () => {
    const decision = await engine.routeComplaint(JSON.parse(readFileSync(ROOT + 'examples/complaint.json', 'utf8')))
    expect(decision.ruleSet).toEqual(provenance)
  })

  test('a meeting check', async () => {
    const scenarios = (parse(readFileSync(RULES_DIR + 'tests/meetings.test.yaml', 'utf8')) as { base?: unknown; scenarios: { input?: unknown }[] })
    const record = scenarios.base ?? scenarios.scenarios.find((s) => s.input)!.input
    const result = await engine.checkMeetingDecision(record as never)
    expect(result.ruleSet).toEqual(provenance)
  })

  test('escalation entries', async () => {
    const items = JSON.parse(readFileSync(ROOT + 'examples/tracked-items.json', 'utf8'))
    const entries = await engine.computeEscalations(items, { asOf: '2026-10-20' })
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) expect(entry.ruleSet).toEqual(provenance)
  })

  test('lint prints it', async () => {
    const { code, out } = await runCli(['lint', 'rules'])
    expect(code).toBe(0)
    expect(out).toContain(`版本 version ${provenance.version}, 内容哈希 hash ${provenance.hash}`)
    const json = JSON.parse((await runCli(['lint', 'rules', '--json'])).out)
    expect(json.ruleSet).toEqual(provenance)
  })
})
