/**
 * Runs the escalation scenarios (`target: escalations`) and says, for each, what differed. Results have
 * the shape of the routing scenarios' results, so `xiaobao test` reports every kind in one list.
 */
import type { Engine } from '../engine/createEngine.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { SourceLocation } from '../ruleset/types.js'
import type { ExpectedEntry } from './schemas.js'
import type { EscalationEntry, EscalationScenarioRecord } from './types.js'
import { runAndCompare } from '../scenarios/runAndCompare.js'

export interface EscalationScenarioResult {
  name: string
  at: SourceLocation
  passed: boolean
  /** What differed, in Chinese with English alongside. */
  failures: string[]
  error?: { code: string; message: string }
}

const show = (value: unknown) => (value === undefined ? '（无）' : JSON.stringify(value))

function compareEntry(expected: ExpectedEntry, actual: EscalationEntry): string[] {
  const failures: string[] = []
  const where = `${expected.itemId} ${expected.deadline}`
  for (const key of ['dueOn', 'status', 'level', 'workingDaysLate', 'provisional', 'nextReviewOn', 'nextReviewProvisional', 'nextReviewNeedsYear'] as const) {
    const want = expected[key]
    if (want === undefined) continue
    const got = key === 'provisional' || key === 'nextReviewProvisional' ? (actual[key] ?? false) : actual[key]
    if (want === null ? got !== undefined : got !== want) failures.push(`${where} ${key}: 期望 ${want === null ? '（无）' : show(want)}，实际 ${show(got)}`)
  }
  if (expected.actions !== undefined) {
    const codes = actual.actions.map((a) => a.code)
    if ([...codes].sort().join() !== [...expected.actions].sort().join()) failures.push(`${where} actions: 期望 [${expected.actions.join(', ')}]，实际 [${codes.join(', ')}]`)
  }
  return failures
}

/** Compares one result (or error) with a scenario's expectation. */
export function compareEscalationExpectation(scenario: EscalationScenarioRecord, entries: EscalationEntry[] | undefined, error: XiaobaoError | undefined): string[] {
  const e = scenario.expect
  if (error) {
    if (e.error === undefined) return [`出错 / error: [${error.code}] ${error.issues[0].message}`]
    const failures: string[] = []
    if (e.error !== error.code) failures.push(`错误代码 / error code: 期望 ${e.error}，实际 ${error.code}`)
    if (e.errorIncludes !== undefined && !error.issues.some((i) => i.message.includes(e.errorIncludes!))) failures.push(`错误说明应包含 / the message should contain "${e.errorIncludes}"：${error.issues[0].message}`)
    return failures
  }
  if (!entries) return ['没有结果 / no result']
  if (e.error !== undefined) return [`期望错误 ${e.error}，实际得到了结果 / expected error ${e.error}, got entries`]
  const failures: string[] = []
  const key = (x: { itemId: string; deadline: string }) => `${x.itemId} ${x.deadline}`
  const actual = new Map(entries.map((entry) => [key(entry), entry]))
  const expected = e.entries ?? []
  for (const want of expected) {
    const got = actual.get(key(want))
    if (!got) failures.push(`缺少结果 / missing entry: ${key(want)}`)
    else failures.push(...compareEntry(want, got))
  }
  const wanted = new Set(expected.map(key))
  for (const entry of entries) if (!wanted.has(key(entry))) failures.push(`多出结果 / extra entry: ${key(entry)}（${entry.status}, ${entry.dueOn}）`)
  return failures
}

/** Runs one escalation scenario. */
export async function runEscalationScenario(engine: Pick<Engine, 'computeEscalations'>, scenario: EscalationScenarioRecord): Promise<EscalationScenarioResult> {
  const options = { asOf: scenario.asOf, ...(scenario.provisional !== undefined ? { provisional: scenario.provisional } : {}) }
  const { result: _result, ...outcome } = await runAndCompare(scenario, () => engine.computeEscalations(scenario.items as never, options), compareEscalationExpectation)
  return outcome
}

/**
 * Runs the escalation scenarios of the engine's rule set (or those given), in order.
 * @example
 * const results = await runEscalationScenarios(createEngine())
 * results.filter((r) => !r.passed)
 */
export async function runEscalationScenarios(
  engine: Pick<Engine, 'computeEscalations' | 'ruleSet'>,
  scenarios: readonly EscalationScenarioRecord[] = engine.ruleSet.escalationScenarios ?? [],
): Promise<EscalationScenarioResult[]> {
  const results: EscalationScenarioResult[] = []
  for (const scenario of scenarios) results.push(await runEscalationScenario(engine, scenario))
  return results
}
