/**
 * Runs the meeting scenarios (`target: meeting`) and says, for each, what differed. Results have the shape
 * of the routing scenarios' results, so `xiaobao test` reports both in one list.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { SourceLocation } from '../ruleset/types.js'
import type { MeetingCheckResult, MeetingScenarioRecord, MeetingsRuleSet } from './types.js'
import type { MeetingRecordInput } from './recordInput.js'

/** What the meeting scenarios run on: an `Engine` (declared here so meetings need not import the engine). */
export interface MeetingScenarioHost {
  readonly ruleSet: MeetingsRuleSet
  checkMeetingDecision(input: MeetingRecordInput): Promise<MeetingCheckResult>
}
import { failure, runOne, type ScenarioFailure, type ScenarioRunner } from '../scenarios/runner.js'

export interface MeetingScenarioResult {
  name: string
  at: SourceLocation
  passed: boolean
  /** What differed, in Chinese with English alongside. */
  failures: string[]
  error?: { code: string; message: string }
  /** Never set: keeps one result type with the routing scenarios in `xiaobao test`. */
  decision?: undefined
}


const list = (codes: readonly string[]) => `[${codes.join(', ')}]`

/** Compares one result (or error) with a scenario's expectation: what differed, typed. */
export function compareMeeting(scenario: MeetingScenarioRecord, result: MeetingCheckResult | undefined, error: XiaobaoError | undefined): ScenarioFailure[] {
  const e = scenario.expect
  if (error) {
    if (e.error === undefined) return [failure('error', undefined, String(error.code), `出错 / error: [${error.code}] ${error.issues[0].message}`)]
    return e.error === error.code ? [] : [failure('error', e.error, String(error.code), `错误代码 / error code: 期望 ${e.error}，实际 ${error.code}`)]
  }
  if (!result) return [failure('result', 'a result', undefined, '没有结果 / no result')]
  const failures: ScenarioFailure[] = []
  if (e.error !== undefined) failures.push(failure('error', e.error, 'a result', `期望错误 ${e.error}，实际得到了检查结果 / expected error ${e.error}, got a result`))
  if (e.compliant !== undefined && e.compliant !== result.compliant) failures.push(failure('compliant', e.compliant, result.compliant, `compliant: 期望 ${e.compliant}，实际 ${result.compliant}`))
  const codes = [...new Set(result.findings.map((f) => f.code))]
  if (e.findings !== undefined) {
    const expected = new Set(e.findings)
    const missing = [...expected].filter((c) => !codes.includes(c))
    const extra = codes.filter((c) => !expected.has(c))
    if (missing.length || extra.length) {
      failures.push(failure('findings', [...expected], codes, `findings: 期望 ${list([...expected])}，实际 ${list(codes)}${missing.length ? `；缺少 / missing ${list(missing)}` : ''}${extra.length ? `；多出 / extra ${list(extra)}` : ''}`))
    }
  }
  for (const code of e.includes ?? []) if (!codes.includes(code)) failures.push(failure('includes', code, codes, `缺少发现 / missing finding ${code}（实际 ${list(codes)}）`))
  for (const code of e.excludes ?? []) if (codes.includes(code)) failures.push(failure('excludes', code, codes, `不应出现 / unexpected finding ${code}`))
  return failures
}

/** The `meeting` target for the one scenario runner. */
export const meetingScenarioRunner: ScenarioRunner<MeetingScenarioRecord, MeetingCheckResult, Pick<MeetingScenarioHost, 'checkMeetingDecision'>> = {
  target: 'meeting',
  scenarios: (ruleSet: MeetingsRuleSet) => ruleSet.meetingScenarios ?? [],
  run: (host, scenario) => host.checkMeetingDecision(scenario.input as never),
  compare: compareMeeting,
}

/** Compares one result (or error) with a scenario's expectation, in words. */
export function compareMeetingExpectation(scenario: MeetingScenarioRecord, result: MeetingCheckResult | undefined, error: XiaobaoError | undefined): string[] {
  return compareMeeting(scenario, result, error).map((f) => f.message)
}

/** Runs one meeting scenario. */
export async function runMeetingScenario(engine: Pick<MeetingScenarioHost, 'checkMeetingDecision'>, scenario: MeetingScenarioRecord): Promise<MeetingScenarioResult> {
  const run = await runOne(meetingScenarioRunner, engine, scenario)
  return { name: run.name, at: run.at, passed: run.passed, failures: run.failures.map((f) => f.message), ...(run.error ? { error: run.error } : {}) }
}
/**
 * Runs the meeting scenarios of the engine's rule set (or those given), in order.
 * @example
 * const results = await runMeetingScenarios(createEngine())
 * results.filter((r) => !r.passed)
 */
export async function runMeetingScenarios(
  engine: MeetingScenarioHost,
  scenarios: readonly MeetingScenarioRecord[] = engine.ruleSet.meetingScenarios ?? [],
): Promise<MeetingScenarioResult[]> {
  const results: MeetingScenarioResult[] = []
  for (const scenario of scenarios) results.push(await runMeetingScenario(engine, scenario))
  return results
}
