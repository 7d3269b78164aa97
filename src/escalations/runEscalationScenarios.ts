/**
 * Runs the escalation scenarios (`target: escalations`) and says, for each, what differed. Results have
 * the shape of the routing scenarios' results, so `xiaobao test` reports every kind in one list.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { SourceLocation } from '../ruleset/types.js'
import type { ExpectedEntry } from './schemas.js'
import type { ComputeEscalationsOptions, EscalationEntry, EscalationScenarioRecord, EscalationsRuleSet } from './types.js'
import type { TrackedItem } from './trackedItems.js'

/** What the escalation scenarios run on: an `Engine` (declared here so escalations need not import the engine). */
export interface EscalationScenarioHost {
  readonly ruleSet: EscalationsRuleSet
  computeEscalations(items: readonly TrackedItem[], options: ComputeEscalationsOptions): Promise<EscalationEntry[]>
}
import { failure, runOne, type ScenarioFailure, type ScenarioRunner } from '../scenarios/runner.js'

export interface EscalationScenarioResult {
  name: string
  at: SourceLocation
  passed: boolean
  /** What differed, in Chinese with English alongside. */
  failures: string[]
  error?: { code: string; message: string }
}

const show = (value: unknown) => (value === undefined ? '（无）' : JSON.stringify(value))

function compareEntry(expected: ExpectedEntry, actual: EscalationEntry): ScenarioFailure[] {
  const failures: ScenarioFailure[] = []
  const where = `${expected.itemId} ${expected.deadline}`
  for (const key of ['dueOn', 'status', 'level', 'workingDaysLate', 'provisional', 'nextReviewOn'] as const) {
    const want = expected[key]
    if (want === undefined) continue
    const got = key === 'provisional' ? (actual.provisional ?? false) : actual[key]
    if (want === null ? got !== undefined : got !== want) failures.push(failure(`${where} ${key}`, want, got, `${where} ${key}: 期望 ${want === null ? '（无）' : show(want)}，实际 ${show(got)}`))
  }
  if (expected.actions !== undefined) {
    const codes = actual.actions.map((a) => a.code)
    if ([...codes].sort().join() !== [...expected.actions].sort().join()) failures.push(failure(`${where} actions`, expected.actions, codes, `${where} actions: 期望 [${expected.actions.join(', ')}]，实际 [${codes.join(', ')}]`))
  }
  return failures
}

/** Compares one result (or error) with a scenario's expectation: what differed, typed. */
export function compareEscalations(scenario: EscalationScenarioRecord, entries: EscalationEntry[] | undefined, error: XiaobaoError | undefined): ScenarioFailure[] {
  const e = scenario.expect
  if (error) {
    if (e.error === undefined) return [failure('error', undefined, String(error.code), `出错 / error: [${error.code}] ${error.issues[0].message}`)]
    const failures: ScenarioFailure[] = []
    if (e.error !== error.code) failures.push(failure('error', e.error, String(error.code), `错误代码 / error code: 期望 ${e.error}，实际 ${error.code}`))
    if (e.errorIncludes !== undefined && !error.issues.some((i) => i.message.includes(e.errorIncludes!))) failures.push(failure('errorIncludes', e.errorIncludes, error.issues[0].message, `错误说明应包含 / the message should contain "${e.errorIncludes}"：${error.issues[0].message}`))
    return failures
  }
  if (!entries) return [failure('result', 'entries', undefined, '没有结果 / no result')]
  if (e.error !== undefined) return [failure('error', e.error, 'entries', `期望错误 ${e.error}，实际得到了结果 / expected error ${e.error}, got entries`)]
  const failures: ScenarioFailure[] = []
  const key = (x: { itemId: string; deadline: string }) => `${x.itemId} ${x.deadline}`
  const actual = new Map(entries.map((entry) => [key(entry), entry]))
  const expected = e.entries ?? []
  for (const want of expected) {
    const got = actual.get(key(want))
    if (!got) failures.push(failure(key(want), want, undefined, `缺少结果 / missing entry: ${key(want)}`))
    else failures.push(...compareEntry(want, got))
  }
  const wanted = new Set(expected.map(key))
  for (const entry of entries) if (!wanted.has(key(entry))) failures.push(failure(key(entry), undefined, { status: entry.status, dueOn: entry.dueOn }, `多出结果 / extra entry: ${key(entry)}（${entry.status}, ${entry.dueOn}）`))
  return failures
}

/** The `escalations` target for the one scenario runner. */
export const escalationScenarioRunner: ScenarioRunner<EscalationScenarioRecord, EscalationEntry[], Pick<EscalationScenarioHost, 'computeEscalations'>> = {
  target: 'escalations',
  scenarios: (ruleSet: EscalationsRuleSet) => ruleSet.escalationScenarios ?? [],
  run: (host, scenario) => host.computeEscalations(scenario.items as never, { asOf: scenario.asOf, ...(scenario.provisional !== undefined ? { provisional: scenario.provisional } : {}) }),
  compare: compareEscalations,
  coverage(ruleSet: EscalationsRuleSet, runs) {
    const entries = runs.flatMap((r) => r.result ?? [])
    const deadlines = ruleSet.deadlines?.deadlines.map((d) => d.id) ?? []
    const reached = new Set(entries.map((e) => e.deadline))
    const levels = ruleSet.escalation?.levels ?? []
    const levelReached = (l: { level: number; deadlines: readonly string[] }) => entries.some((e) => e.level >= l.level && l.deadlines.includes(e.deadline))
    const missing = (list: string[]) => (list.length ? `；未走到 / not reached: ${list.join(', ')}` : '')
    const pct = (a: number, b: number) => (b === a ? ' (100%)' : '')
    return [
      `  期限 / deadlines: ${deadlines.filter((d) => reached.has(d)).length}/${deadlines.length} 有场景算出 computed in a scenario${pct(deadlines.filter((d) => reached.has(d)).length, deadlines.length)}${missing(deadlines.filter((d) => !reached.has(d)))}`,
      `  督办级别 / escalation levels: ${levels.filter(levelReached).length}/${levels.length} 有场景达到 reached${pct(levels.filter(levelReached).length, levels.length)}${missing(levels.filter((l) => !levelReached(l)).map((l) => l.id))}`,
    ]
  },
}

/** Compares one result (or error) with a scenario's expectation, in words. */
export function compareEscalationExpectation(scenario: EscalationScenarioRecord, entries: EscalationEntry[] | undefined, error: XiaobaoError | undefined): string[] {
  return compareEscalations(scenario, entries, error).map((f) => f.message)
}

/** Runs one escalation scenario. */
export async function runEscalationScenario(engine: Pick<EscalationScenarioHost, 'computeEscalations'>, scenario: EscalationScenarioRecord): Promise<EscalationScenarioResult> {
  const run = await runOne(escalationScenarioRunner, engine, scenario)
  return { name: run.name, at: run.at, passed: run.passed, failures: run.failures.map((f) => f.message), ...(run.error ? { error: run.error } : {}) }
}

/**
 * Runs the escalation scenarios of the engine's rule set (or those given), in order.
 * @example
 * const results = await runEscalationScenarios(createEngine())
 * results.filter((r) => !r.passed)
 */
export async function runEscalationScenarios(
  engine: EscalationScenarioHost,
  scenarios: readonly EscalationScenarioRecord[] = engine.ruleSet.escalationScenarios ?? [],
): Promise<EscalationScenarioResult[]> {
  const results: EscalationScenarioResult[] = []
  for (const scenario of scenarios) results.push(await runEscalationScenario(engine, scenario))
  return results
}
