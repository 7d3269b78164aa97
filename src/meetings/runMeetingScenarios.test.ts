import { describe, expect, test } from 'vitest'
import { createEngine } from '../engine/createEngine.js'
import { parseRuleSet } from '../capabilities.js'
import { applyChanges } from './meetingScenarios.js'
import { meetingRuleFiles, meetingRuleSet } from './ruleFiles.testing.js'
import { compareMeetingExpectation, runMeetingScenario, runMeetingScenarios } from './runMeetingScenarios.js'
import type { MeetingScenarioRecord } from './types.js'

const ruleSet = meetingRuleSet()
const engine = createEngine({ rules: ruleSet })
const AT = { file: 'x.test.yaml', line: 1, col: 1 }

describe('meeting scenarios', () => {
  test('the scenario file loads: baseline plus changes, with positions', () => {
    const scenarios = ruleSet.meetingScenarios!
    expect(scenarios.length).toBeGreaterThan(44)
    expect(scenarios[0]).toMatchObject({ name: '合规的例会', expect: { compliant: true, findings: [] }, at: { file: 'tests/meetings.test.yaml' } })
    const vote = scenarios.find((s) => s.name === '多数表决')!
    expect(vote.input).toMatchObject({ decision: { method: 'majority-vote', assignments: [{}, {}] }, meeting: { id: 'JM-2026-03' } })
  })

  test('all pass', async () => {
    const results = await runMeetingScenarios(engine)
    expect(results.filter((r) => !r.passed)).toEqual([])
    expect(results.length).toBe(ruleSet.meetingScenarios!.length)
  })

  test('applyChanges: mappings merge, lists replace, null removes, the base is untouched', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: { e: 1 }, f: 'x' }
    const out = applyChanges(base, { a: { c: [3] }, d: null, g: { h: 1 } })
    expect(out).toEqual({ a: { b: 1, c: [3] }, f: 'x', g: { h: 1 } })
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: { e: 1 }, f: 'x' })
  })

  test('a failing expectation says what differed', async () => {
    const input = ruleSet.meetingScenarios![0]!.input
    const scenario = (expect_: MeetingScenarioRecord['expect']): MeetingScenarioRecord => ({ name: 's', input, expect: expect_, at: AT })
    const result = await runMeetingScenario(engine, scenario({ compliant: false, findings: ['decision.majority-vote'], includes: ['meeting.no-minutes'], error: 'invalid_input' }))
    expect(result.passed).toBe(false)
    expect(result.failures).toEqual([
      '期望错误 invalid_input，实际得到了检查结果 / expected error invalid_input, got a result',
      'compliant: 期望 false，实际 true',
      'findings: 期望 [decision.majority-vote]，实际 []；缺少 / missing [decision.majority-vote]',
      '缺少发现 / missing finding meeting.no-minutes（实际 []）',
    ])
    const bad = await runMeetingScenario(engine, { name: 'b', input: { meeting: {} }, expect: { compliant: true }, at: AT })
    expect(bad).toMatchObject({ passed: false, error: { code: 'invalid_input' } })
    expect(bad.failures[0]).toMatch(/^出错 \/ error: \[invalid_input\]/)
    expect(compareMeetingExpectation(scenario({ excludes: ['x'] }), { compliant: true, findings: [{ code: 'x' } as never] }, undefined)).toEqual(['不应出现 / unexpected finding x'])
  })

  test.each([
    ['both input and changes', '  - name: s\n    input: {}\n    changes: {}\n    expect: { compliant: true }\n', 'invalid_scenario', 6, 5],
    ['neither input nor changes', '  - name: s\n    expect: { compliant: true }\n', 'invalid_scenario', 6, 5],
    ['an unknown check code', '  - name: s\n    changes: {}\n    expect: { findings: [meeting.no-minute] }\n', 'invalid_scenario', 8, 26],
    ['a finding that is not a code', '  - name: s\n    changes: {}\n    expect: { findings: [Meeting No Minutes] }\n', 'invalid_value', 8, 26],
  ])('%s is a load error where it is', (_name, scenarioText, code, line, col) => {
    const text = `kind: scenarios\ntarget: meeting\nbaseline:\n  meeting: { id: x }\nscenarios:\n${scenarioText}`
    const result = parseRuleSet(meetingRuleFiles({ scenarios: text }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues).toContainEqual(expect.objectContaining({ code, file: 'tests/meetings.test.yaml', line, col }))
  })

  test('changes without a baseline', () => {
    const text = 'kind: scenarios\ntarget: meeting\nscenarios:\n  - name: s\n    changes: {}\n    expect: { compliant: true }\n'
    const result = parseRuleSet(meetingRuleFiles({ scenarios: text }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'invalid_scenario', line: 5, col: 14 })
  })
})
