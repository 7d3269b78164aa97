/**
 * The one scenario runner: one result type for every target, failures as `{ path, expected, actual }`,
 * reporters apart (text, JSON, JUnit XML), and `xiaobao test --reporter junit`.
 */
import { describe, expect, test } from 'vitest'
import { CAPABILITIES, parseRuleSetOrThrow } from '../src/capabilities.js'
import { createEngine } from '../src/engine/createEngine.js'
import { readRuleFiles } from '../src/node/readRuleFiles.js'
import { runScenarioTargets } from '../src/scenarios/runner.js'
import { formatJson, formatJunit, formatText, runsPassed } from '../src/scenarios/reporters.js'
import { RULES_DIR, runCli } from './fixtures.js'

const files = await readRuleFiles(RULES_DIR)
const broken = files.map((f) =>
  f.path === 'sections/metrology.test.yaml'
    ? { ...f, text: f.text.replace('lead: metrology, assist: [food-circulation]', 'lead: advertising, assist: [food-circulation]') }
    : f.path === 'tests/meetings.test.yaml'
      ? { ...f, text: f.text.replace('expect: { compliant: true, findings: [] }', 'expect: { compliant: false }') }
      : f,
)
const engine = createEngine({ rules: parseRuleSetOrThrow(broken) })
const runs = await runScenarioTargets(engine, CAPABILITIES.flatMap((c) => c.targets))

describe('one runner for every target', () => {
  test('every target is run, in the order of the capabilities', () => {
    expect([...new Set(runs.map((r) => r.target))]).toEqual(['route', 'meeting', 'escalations', 'report'])
    const ruleSet = engine.ruleSet
    expect(runs.length).toBe(ruleSet.scenarios.length + (ruleSet.meetingScenarios?.length ?? 0) + (ruleSet.escalationScenarios?.length ?? 0) + (ruleSet.reportScenarios?.length ?? 0))
  })

  test('failures are typed: path, expected, actual, and the words', () => {
    const failed = runs.filter((r) => !r.passed && !r.measured)
    expect(failed.map((r) => r.target)).toEqual(['route', 'meeting'])
    expect(failed[0]!.failures).toEqual([{ path: 'lead', expected: 'advertising', actual: 'metrology', message: 'lead: 期望 advertising，实际 metrology' }])
    expect(failed[1]!.failures).toEqual([{ path: 'compliant', expected: false, actual: true, message: 'compliant: 期望 false，实际 true' }])
  })
})

describe('reporters', () => {
  test('text ends with the count', () => {
    expect(formatText(runs)).toMatch(/\n\d+ passed, 2 failed\n$/)
    expect(formatText(runs)).toContain('  ✗ ')
  })

  test('JSON carries the typed failures', () => {
    const parsed = JSON.parse(formatJson(runs)) as { passed: boolean; failures: { path: string }[] }[]
    expect(parsed.filter((r) => !r.passed && !(r as { measured?: unknown }).measured).map((r) => r.failures[0]!.path)).toEqual(['lead', 'compliant'])
  })

  test('a field corpus is measured: its misses are not failures, its accuracy is printed and checked', () => {
    const measured = runs.filter((r) => r.measured)
    expect(measured.length).toBeGreaterThan(300)
    const text = formatText(runs)
    expect(text).toContain('实地语料正确率 / field accuracy')
    expect(text).toMatch(/合计 total: 全部 all \d+\/\d+ = [\d.]+%；冻结 frozen \d+\/\d+/)
    expect(formatJunit(runs)).toContain('<skipped message="实地语料未命中')
    // Raising a file's threshold above what it reaches fails the run: the threshold is real.
    const strict = runs.map((r) => (r.measured ? { ...r, measured: { ...r.measured, minAccuracy: 1 } } : r))
    expect(runsPassed(strict)).toBe(false)
  })

  test('sealed: frozen field scenarios count into the accuracy but are not listed (xiaobao test without --show-frozen)', () => {
    const frozen = runs.filter((r) => r.measured?.frozen)
    expect(frozen.length).toBeGreaterThan(100)
    const open = formatText(runs)
    const seal = formatText(runs, undefined, { showFrozen: false })
    // Same accuracy lines and closing count: sealing hides names, not numbers.
    const tail = (t: string) => t.slice(t.indexOf('实地语料正确率 / field accuracy'))
    expect(tail(seal)).toBe(tail(open))
    expect(open).toContain('[冻结 frozen]')
    expect(seal).not.toContain('[冻结 frozen]')
    // No frozen scenario's name appears as a listed line; every field file with frozen ones says how many it hides.
    const listed = new Set(seal.split('\n').filter((l) => /^ {2}[✓·✗] /.test(l)).map((l) => l.slice(4).replace(/ {2}\(.*$/, '')))
    const tunedNames = new Set(runs.filter((r) => r.measured && !r.measured.frozen).map((r) => r.name))
    expect(frozen.filter((r) => listed.has(r.name) && !tunedNames.has(r.name))).toEqual([])
    const hiddenCounts = [...seal.matchAll(/冻结的 (\d+) 件只计入正确率/g)].map((m) => Number(m[1]))
    expect(hiddenCounts.reduce((a, b) => a + b, 0)).toBe(frozen.length)
    // JSON and JUnit leave them out too; listing them is the explicit choice.
    const json = JSON.parse(formatJson(runs, { showFrozen: false })) as { measured?: { frozen: boolean } }[]
    expect(json.length).toBe(runs.length - frozen.length)
    expect(json.some((r) => r.measured?.frozen)).toBe(false)
    expect((JSON.parse(formatJson(runs)) as unknown[]).length).toBe(runs.length)
    const junit = formatJunit(runs, undefined, { showFrozen: false })
    expect(junit).toContain(`tests="${runs.length - frozen.length}"`)
    expect(junit).toContain('frozen scenarios are counted, not listed')
  })

  test('xiaobao test seals the frozen part by default; --show-frozen lists it', async () => {
    const sealedRun = await runCli(['test', RULES_DIR])
    const shown = await runCli(['test', RULES_DIR, '--show-frozen'])
    expect(sealedRun.out).not.toContain('[冻结 frozen]')
    expect(sealedRun.out).toContain('--show-frozen 列出')
    expect(shown.out).toContain('[冻结 frozen]')
    expect(sealedRun.out.slice(sealedRun.out.indexOf('合计 total'))).toBe(shown.out.slice(shown.out.indexOf('合计 total')))
    expect(sealedRun.code).toBe(shown.code)
  })

  test('a name filter that runs part of a field file does not judge the file’s thresholds on that part', async () => {
    // A strict threshold on one field file: the whole file fails it; a filtered part of it is shown, not judged.
    const strictFiles = files.map((f) => (f.path === 'tests/field/fresh8.test.yaml' ? { ...f, text: f.text.replace(/^measure: \{[^}]*\}/m, 'measure: { minAccuracy: 1, minFrozenAccuracy: 1 }') } : f))
    const strict = createEngine({ rules: parseRuleSetOrThrow(strictFiles) })
    const whole = (await runScenarioTargets(strict, CAPABILITIES.flatMap((c) => c.targets))).filter((r) => r.at.file === 'tests/field/fresh8.test.yaml')
    expect(whole.every((r) => r.passed)).toBe(false)
    expect(runsPassed(whole)).toBe(false)
    const name = whole.find((r) => !r.passed)!.name
    const part = (await runScenarioTargets(strict, CAPABILITIES.flatMap((c) => c.targets), name)).filter((r) => r.at.file === 'tests/field/fresh8.test.yaml')
    expect(part.length).toBeGreaterThan(0)
    expect(part.every((r) => r.measured?.partial === true)).toBe(true)
    expect(runsPassed(part)).toBe(true)
    expect(formatText(part)).toContain('thresholds not judged')
    expect(formatText(part)).toMatch(/\n0 passed, 0 failed\n$/)
  })

  test('JUnit XML: a suite per file, a case per scenario, a failure per difference', () => {
    const xml = formatJunit(runs)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="xiaobao"')).toBe(true)
    expect(xml).toContain(`tests="${runs.length}" failures="2"`)
    expect(xml).toContain('<testsuite name="sections/metrology.test.yaml"')
    expect(xml).toContain('<failure message="lead: 期望 advertising，实际 metrology" type="lead">lead: expected &quot;advertising&quot;, actual &quot;metrology&quot;</failure>')
    expect((xml.match(/<testcase /g) ?? []).length).toBe(runs.length)
  })

  test('xiaobao test --reporter junit', async () => {
    const { code, out } = await runCli(['test', 'rules', '--reporter', 'junit'])
    expect(code).toBe(0)
    expect(out).toContain('failures="0"')
    const bad = await runCli(['test', 'rules', '--reporter', 'tap'])
    expect(bad.code).toBe(2)
  })
})

test('xiaobao test --coverage covers every target (escalations: deadlines and ladder levels)', async () => {
  const { out } = await runCli(['test', 'rules', '--coverage'])
  expect(out).toMatch(/期限 \/ deadlines: \d+\/\d+/)
  expect(out).toMatch(/督办级别 \/ escalation levels: \d+\/\d+/)
})
