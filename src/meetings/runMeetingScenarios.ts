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
import { runAndCompare } from '../scenarios/runAndCompare.js'

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

/** Compares one result (or error) with a scenario's expectation. */
export function compareMeetingExpectation(scenario: MeetingScenarioRecord, result: MeetingCheckResult | undefined, error: XiaobaoError | undefined): string[] {
  const e = scenario.expect
  if (error) {
    if (e.error === undefined) return [`出错 / error: [${error.code}] ${error.issues[0].message}`]
    return e.error === error.code ? [] : [`错误代码 / error code: 期望 ${e.error}，实际 ${error.code}`]
  }
  if (!result) return ['没有结果 / no result']
  const failures: string[] = []
  if (e.error !== undefined) failures.push(`期望错误 ${e.error}，实际得到了检查结果 / expected error ${e.error}, got a result`)
  if (e.compliant !== undefined && e.compliant !== result.compliant) failures.push(`compliant: 期望 ${e.compliant}，实际 ${result.compliant}`)
  const codes = [...new Set(result.findings.map((f) => f.code))]
  if (e.findings !== undefined) {
    const expected = new Set(e.findings)
    const missing = [...expected].filter((c) => !codes.includes(c))
    const extra = codes.filter((c) => !expected.has(c))
    if (missing.length || extra.length) {
      failures.push(`findings: 期望 ${list([...expected])}，实际 ${list(codes)}${missing.length ? `；缺少 / missing ${list(missing)}` : ''}${extra.length ? `；多出 / extra ${list(extra)}` : ''}`)
    }
  }
  for (const code of e.includes ?? []) if (!codes.includes(code)) failures.push(`缺少发现 / missing finding ${code}（实际 ${list(codes)}）`)
  for (const code of e.excludes ?? []) if (codes.includes(code)) failures.push(`不应出现 / unexpected finding ${code}`)
  return failures
}

/** Runs one meeting scenario. */
export async function runMeetingScenario(engine: Pick<MeetingScenarioHost, 'checkMeetingDecision'>, scenario: MeetingScenarioRecord): Promise<MeetingScenarioResult> {
  const { result: _result, ...outcome } = await runAndCompare(scenario, () => engine.checkMeetingDecision(scenario.input as never), compareMeetingExpectation)
  return outcome
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
