/**
 * Routing scenarios (`kind: scenarios`, `target: route`): run a complaint, compare the decision (or the
 * error) with the expectation. The runner is the one in `scenarios/runner.ts`; `runScenarios` and
 * `compareExpectation` are the public API they always were.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { SourceLocation } from '../ruleset/types.js'
import { failure, runOne, type ScenarioFailure, type ScenarioRunner } from '../scenarios/runner.js'
import type { ComplaintInput } from './complaintInput.js'
import type { RoutingRuleSet, ScenarioRecord } from './ruleSet.js'
import type { RoutingDecision } from './types.js'

/** What the routing scenarios run on: an `Engine` (declared here so routing need not import the engine). */
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

/** Compares one decision (or error) with a scenario's expectation: what differed, typed. */
export function compareRoute(scenario: ScenarioRecord, decision: RoutingDecision | undefined, error: XiaobaoError | undefined): ScenarioFailure[] {
  const e = scenario.expect
  const failures: ScenarioFailure[] = []
  if (error) {
    if (e.error === undefined) failures.push(failure('error', undefined, String(error.code), `出错 / error: [${error.code}] ${error.issues[0].message}`))
    else if (e.error !== error.code) failures.push(failure('error', e.error, String(error.code), `错误代码 / error code: 期望 ${e.error}，实际 ${error.code}`))
    return failures
  }
  if (!decision) return [failure('result', 'a decision', undefined, '没有结果 / no result')]
  if (e.error !== undefined) failures.push(failure('error', e.error, 'a decision', `期望错误 ${e.error}，实际得到了分办结果 / expected error ${e.error}, got a decision`))
  if (e.disposition !== undefined && e.disposition !== decision.disposition) failures.push(failure('disposition', e.disposition, decision.disposition, `disposition: 期望 ${e.disposition}，实际 ${decision.disposition}`))
  if (e.intake !== undefined && e.intake !== decision.intake.id) failures.push(failure('intake', e.intake, decision.intake.id, `intake: 期望 ${e.intake}，实际 ${decision.intake.id}`))
  if (e.lead !== undefined && e.lead !== (decision.lead?.id ?? null)) failures.push(failure('lead', e.lead, decision.lead?.id ?? null, `lead: 期望 ${e.lead}，实际 ${decision.lead?.id ?? 'null'}`))
  const assist = decision.assist.map((s) => s.id)
  if (e.assist !== undefined && !sameSet(e.assist, assist)) failures.push(failure('assist', e.assist, assist, `assist: 期望 [${e.assist.join(', ')}]，实际 [${assist.join(', ')}]`))
  for (const id of e.assistIncludes ?? []) if (!assist.includes(id)) failures.push(failure('assistIncludes', id, assist, `assist 应包含 ${id}，实际 [${assist.join(', ')}]`))
  if (e.transferTo !== undefined && e.transferTo !== decision.transfer?.to) failures.push(failure('transferTo', e.transferTo, decision.transfer?.to, `transferTo: 期望 ${e.transferTo}，实际 ${decision.transfer?.to ?? '（未移送）'}`))
  for (const cite of e.cites ?? []) {
    const doc = cite.doc ?? 'implementation-measures'
    if (!decision.basis.some((b) => b.doc === doc && b.seq === cite.seq && (cite.item === undefined || b.item === cite.item))) {
      failures.push(failure('cites', cite, decision.basis.map((b) => ({ doc: b.doc, seq: b.seq, ...(b.item !== undefined ? { item: b.item } : {}) })), `依据中缺少 / basis lacks ${doc} seq ${cite.seq}${cite.item ? ` item ${cite.item}` : ''}`))
    }
  }
  for (const cite of e.notCites ?? []) {
    const doc = cite.doc ?? 'implementation-measures'
    if (decision.basis.some((b) => b.doc === doc && b.seq === cite.seq && (cite.item === undefined || b.item === cite.item))) {
      failures.push(failure('notCites', cite, decision.basis.map((b) => ({ doc: b.doc, seq: b.seq, ...(b.item !== undefined ? { item: b.item } : {}) })), `依据中不应有 / basis must not cite ${doc} seq ${cite.seq}${cite.item ? ` item ${cite.item}` : ''}`))
    }
  }
  if (e.action !== undefined) {
    const action = decision.transfer?.action ?? decision.rejection?.action
    if (!action?.includes(e.action)) failures.push(failure('action', e.action, action, `action: 应包含「${e.action}」，实际 ${action === undefined ? '（无）' : `「${action}」`}`))
  }
  if (e.confidence !== undefined && e.confidence !== decision.confidence) failures.push(failure('confidence', e.confidence, decision.confidence, `confidence: 期望 ${e.confidence}，实际 ${decision.confidence ?? '（无）'}`))
  if (e.confidenceAtLeast !== undefined && RANK[decision.confidence ?? 'low'] < RANK[e.confidenceAtLeast]) failures.push(failure('confidenceAtLeast', e.confidenceAtLeast, decision.confidence, `confidence: 期望至少 ${e.confidenceAtLeast}，实际 ${decision.confidence ?? '（无）'}`))
  if (e.category !== undefined && e.category !== decision.category?.id) failures.push(failure('category', e.category, decision.category?.id, `category: 期望 ${e.category}，实际 ${decision.category?.id ?? '（无）'}`))
  const codes = decision.warnings.map((w) => w.code as string)
  for (const code of e.warnings ?? []) if (!codes.includes(code)) failures.push(failure('warnings', code, codes, `缺少提示 / missing warning ${code}（实际 [${codes.join(', ')}]）`))
  for (const code of e.notWarnings ?? []) if (codes.includes(code)) failures.push(failure('notWarnings', code, codes, `不应有提示 / unexpected warning ${code}（实际 [${codes.join(', ')}]）`))
  return failures
}

/** The `route` target for the one scenario runner. */
export const routeScenarioRunner: ScenarioRunner<ScenarioRecord, RoutingDecision, Pick<RouteScenarioHost, 'routeComplaint'>> = {
  target: 'route',
  scenarios: (ruleSet: RoutingRuleSet) => ruleSet.scenarios,
  run: (host, scenario) => host.routeComplaint(scenario.input as never),
  compare: compareRoute,
  measured: (scenario) => (scenario.measure ? { frozen: scenario.frozen === true, ...scenario.measure } : undefined),
}

/** Compares one decision (or error) with a scenario's expectation, in words. */
export function compareExpectation(scenario: ScenarioRecord, decision: RoutingDecision | undefined, error: XiaobaoError | undefined): string[] {
  return compareRoute(scenario, decision, error).map((f) => f.message)
}

/** Runs one scenario. */
export async function runScenario(engine: Pick<RouteScenarioHost, 'routeComplaint'>, scenario: ScenarioRecord): Promise<ScenarioResult> {
  const run = await runOne(routeScenarioRunner, engine, scenario)
  return { name: run.name, at: run.at, passed: run.passed, failures: run.failures.map((f) => f.message), ...(run.error ? { error: run.error } : {}), ...(run.result ? { decision: run.result } : {}) }
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

/** Confidence levels in order, for `confidenceAtLeast`. */
const RANK: Record<'high' | 'medium' | 'low', number> = { low: 0, medium: 1, high: 2 }
