/**
 * Runs the report scenarios (`target: report`) and says, for each, what differed: the expected part of
 * the summary, and the texts the JSON and Markdown outputs must (not) contain — so a scenario can pin a
 * redaction. Results have the shape of the other targets' results, so `xiaobao test` lists them together.
 */
import type { XiaobaoError } from '../problems/XiaobaoError.js'
import type { RuleSet } from '../ruleset/types.js'
import { runAndCompare, type ScenarioOutcome } from '../scenarios/runAndCompare.js'
import { matchPartial } from './matchPartial.js'
import { renderReportMarkdown } from './renderReportMarkdown.js'
import type { ReportRuleSet, ReportScenarioRecord, ReportSummary, SummarizeOptions } from './types.js'

export type ReportScenarioResult = ScenarioOutcome

/** What the runner needs: the engine's `summarizeRecords` (and its rule set for the default list). */
export interface ReportScenarioEngine {
  ruleSet: RuleSet
  summarizeRecords(records: Iterable<unknown>, options: SummarizeOptions): Promise<ReportSummary>
}

export function compareReportExpectation(scenario: ReportScenarioRecord, summary: ReportSummary | undefined, error: XiaobaoError | undefined): string[] {
  const e = scenario.expect
  if (error) {
    if (e.error === undefined) return [`出错 / error: [${error.code}] ${error.issues[0].message}`]
    return e.error === error.code ? [] : [`错误代码 / error code: 期望 ${e.error}，实际 ${error.code}`]
  }
  if (!summary) return ['没有结果 / no result']
  if (e.error !== undefined) return [`期望错误 ${e.error}，实际得到了结果 / expected error ${e.error}, got a summary`]
  const failures = e.summary === undefined ? [] : matchPartial(e.summary, JSON.parse(JSON.stringify(summary)))
  const outputs = { JSON: JSON.stringify(summary), Markdown: renderReportMarkdown(summary) }
  for (const [name, text] of Object.entries(outputs)) {
    for (const want of e.contains ?? []) if (!text.includes(want)) failures.push(`${name} 输出应包含 / should contain "${want}"`)
    for (const unwanted of e.notContains ?? []) if (text.includes(unwanted)) failures.push(`${name} 输出不得包含 / must not contain "${unwanted}"`)
  }
  return failures
}

/** Runs one report scenario. */
export async function runReportScenario(engine: Pick<ReportScenarioEngine, 'summarizeRecords'>, scenario: ReportScenarioRecord): Promise<ReportScenarioResult> {
  const options: SummarizeOptions = {
    from: scenario.from,
    to: scenario.to,
    ...(scenario.compareWith ? { compareWith: scenario.compareWith } : {}),
    ...(scenario.audience ? { audience: scenario.audience } : {}),
    ...(scenario.provisional !== undefined ? { provisional: scenario.provisional } : {}),
  }
  const { result: _result, ...outcome } = await runAndCompare(scenario, () => engine.summarizeRecords(scenario.records, options), compareReportExpectation)
  return outcome
}

/**
 * Runs the report scenarios of the engine's rule set (or those given), in order.
 * @example
 * const results = await runReportScenarios(createEngine())
 */
export async function runReportScenarios(engine: ReportScenarioEngine, scenarios: readonly ReportScenarioRecord[] = (engine.ruleSet as ReportRuleSet).reportScenarios ?? []): Promise<ReportScenarioResult[]> {
  const results: ReportScenarioResult[] = []
  for (const scenario of scenarios) results.push(await runReportScenario(engine, scenario))
  return results
}
