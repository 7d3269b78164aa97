/**
 * Runs legal staff's scenarios (tests as data) against an engine and says, for each, what differed.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { RoutingDecision } from '../routing/types.js'
import type { ScenarioRecord } from '../routing/ruleSet.js'
import type { SourceLocation } from '../ruleset/types.js'
import type { ComplaintInput } from '../routing/complaintInput.js'
import type { RoutingRuleSet } from '../routing/ruleSet.js'
import { runAndCompare } from './runAndCompare.js'

/** What the routing scenarios run on: an `Engine` (declared here so scenarios need not import the engine). */
export interface RouteScenarioHost {
  readonly ruleSet: RoutingRuleSet
  routeComplaint(input: ComplaintInput): Promise<RoutingDecision>
}

export interface ScenarioResult {
  name: string
  at: SourceLocation
  passed: boolean
  /** What differed, in Chinese with English alongside: `lead: 期望 food-circulation，实际 catering-food`. */
  failures: string[]
  decision?: RoutingDecision
  error?: { code: string; message: string }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join()

/** Compares one decision (or error) with a scenario's expectation. */
export function compareExpectation(scenario: ScenarioRecord, decision: RoutingDecision | undefined, error: XiaobaoError | undefined): string[] {
  const e = scenario.expect
  const failures: string[] = []
  if (error) {
    if (e.error === undefined) failures.push(`出错 / error: [${error.code}] ${error.issues[0].message}`)
    else if (e.error !== error.code) failures.push(`错误代码 / error code: 期望 ${e.error}，实际 ${error.code}`)
    return failures
  }
  if (!decision) return ['没有结果 / no result']
  if (e.error !== undefined) failures.push(`期望错误 ${e.error}，实际得到了分办结果 / expected error ${e.error}, got a decision`)
  if (e.disposition !== undefined && e.disposition !== decision.disposition) failures.push(`disposition: 期望 ${e.disposition}，实际 ${decision.disposition}`)
  if (e.intake !== undefined && e.intake !== decision.intake.id) failures.push(`intake: 期望 ${e.intake}，实际 ${decision.intake.id}`)
  if (e.lead !== undefined && e.lead !== (decision.lead?.id ?? null)) failures.push(`lead: 期望 ${e.lead}，实际 ${decision.lead?.id ?? 'null'}`)
  const assist = decision.assist.map((s) => s.id)
  if (e.assist !== undefined && !sameSet(e.assist, assist)) failures.push(`assist: 期望 [${e.assist.join(', ')}]，实际 [${assist.join(', ')}]`)
  for (const id of e.assistIncludes ?? []) if (!assist.includes(id)) failures.push(`assist 应包含 ${id}，实际 [${assist.join(', ')}]`)
  if (e.transferTo !== undefined && e.transferTo !== decision.transfer?.to) failures.push(`transferTo: 期望 ${e.transferTo}，实际 ${decision.transfer?.to ?? '（未移送）'}`)
  for (const cite of e.cites ?? []) {
    const doc = cite.doc ?? 'implementation-measures'
    if (!decision.basis.some((b) => b.doc === doc && b.seq === cite.seq && (cite.item === undefined || b.item === cite.item))) {
      failures.push(`依据中缺少 / basis lacks ${doc} seq ${cite.seq}${cite.item ? ` item ${cite.item}` : ''}`)
    }
  }
  for (const cite of e.notCites ?? []) {
    const doc = cite.doc ?? 'implementation-measures'
    if (decision.basis.some((b) => b.doc === doc && b.seq === cite.seq && (cite.item === undefined || b.item === cite.item))) {
      failures.push(`依据中不应有 / basis must not cite ${doc} seq ${cite.seq}${cite.item ? ` item ${cite.item}` : ''}`)
    }
  }
  if (e.action !== undefined) {
    const action = decision.transfer?.action ?? decision.rejection?.action
    if (!action?.includes(e.action)) failures.push(`action: 应包含「${e.action}」，实际 ${action === undefined ? '（无）' : `「${action}」`}`)
  }
  const codes = decision.warnings.map((w) => w.code as string)
  for (const code of e.warnings ?? []) if (!codes.includes(code)) failures.push(`缺少提示 / missing warning ${code}（实际 [${codes.join(', ')}]）`)
  return failures
}

/** Runs one scenario. */
export async function runScenario(engine: Pick<RouteScenarioHost, 'routeComplaint'>, scenario: ScenarioRecord): Promise<ScenarioResult> {
  const { result, ...outcome } = await runAndCompare(scenario, () => engine.routeComplaint(scenario.input as never), compareExpectation)
  return { ...outcome, ...(result ? { decision: result } : {}) }
}

/**
 * Runs scenarios (by default the rule set's own) in order.
 * @example
 * const results = await runScenarios(createEngine())
 * results.filter((r) => !r.passed)
 */
export async function runScenarios(engine: RouteScenarioHost, scenarios: readonly ScenarioRecord[] = engine.ruleSet.scenarios): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = []
  for (const scenario of scenarios) results.push(await runScenario(engine, scenario))
  return results
}
