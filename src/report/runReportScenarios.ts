/**
 * Runs the report scenarios (`target: report`) and says, for each, what differed: the expected part of
 * the summary, and the texts the JSON and Markdown outputs must (not) contain — so a scenario can pin a
 * redaction. The `report` target of the one scenario runner (`scenarios/runner.ts`), so `xiaobao test`
 * lists them with every other target's.
 */
import type { XiaobaoError } from '../problems/XiaobaoError.js'
import type { SourceLocation } from '../ruleset/types.js'
import { failure, runOne, type ScenarioFailure, type ScenarioRunner } from '../scenarios/runner.js'
import { matchPartial } from './matchPartial.js'
import { renderReportMarkdown } from './renderReportMarkdown.js'
import type { ReportRuleSet, ReportScenarioRecord, ReportSummary, SummarizeOptions } from './types.js'

export interface ReportScenarioResult {
  name: string
  at: SourceLocation
  passed: boolean
  /** What differed, in Chinese with English alongside. */
  failures: string[]
  error?: { code: string; message: string }
}

/** What the report scenarios run on: an `Engine` (declared here so the report need not import the engine). */
export interface ReportScenarioEngine {
  readonly ruleSet: ReportRuleSet
  summarizeRecords(records: Iterable<unknown>, options: SummarizeOptions): Promise<ReportSummary>
}

/** Compares one summary (or error) with a scenario's expectation: what differed, typed. */
export function compareReport(scenario: ReportScenarioRecord, summary: ReportSummary | undefined, error: XiaobaoError | undefined): ScenarioFailure[] {
  const e = scenario.expect
  if (error) {
    if (e.error === undefined) return [failure('error', undefined, String(error.code), `出错 / error: [${error.code}] ${error.issues[0].message}`)]
    return e.error === error.code ? [] : [failure('error', e.error, String(error.code), `错误代码 / error code: 期望 ${e.error}，实际 ${error.code}`)]
  }
  if (!summary) return [failure('result', 'a summary', undefined, '没有结果 / no result')]
  if (e.error !== undefined) return [failure('error', e.error, 'a summary', `期望错误 ${e.error}，实际得到了结果 / expected error ${e.error}, got a summary`)]
  const failures = e.summary === undefined ? [] : matchPartial(e.summary, JSON.parse(JSON.stringify(summary)))
  const outputs = { JSON: JSON.stringify(summary), Markdown: renderReportMarkdown(summary) }
  for (const [name, text] of Object.entries(outputs)) {
    for (const want of e.contains ?? []) if (!text.includes(want)) failures.push(failure(`${name} contains`, want, undefined, `${name} 输出应包含 / should contain "${want}"`))
    for (const unwanted of e.notContains ?? []) if (text.includes(unwanted)) failures.push(failure(`${name} notContains`, undefined, unwanted, `${name} 输出不得包含 / must not contain "${unwanted}"`))
  }
  return failures
}

const optionsOf = (scenario: ReportScenarioRecord): SummarizeOptions => ({
  from: scenario.from,
  to: scenario.to,
  ...(scenario.compareWith ? { compareWith: scenario.compareWith } : {}),
  ...(scenario.audience ? { audience: scenario.audience } : {}),
  ...(scenario.provisional !== undefined ? { provisional: scenario.provisional } : {}),
})

/** The `report` target for the one scenario runner. */
export const reportScenarioRunner: ScenarioRunner<ReportScenarioRecord, ReportSummary, Pick<ReportScenarioEngine, 'summarizeRecords'>> = {
  target: 'report',
  scenarios: (ruleSet: ReportRuleSet) => ruleSet.reportScenarios ?? [],
  run: (host, scenario) => host.summarizeRecords(scenario.records, optionsOf(scenario)),
  compare: compareReport,
}

/** Compares one summary (or error) with a scenario's expectation, in words. */
export function compareReportExpectation(scenario: ReportScenarioRecord, summary: ReportSummary | undefined, error: XiaobaoError | undefined): string[] {
  return compareReport(scenario, summary, error).map((f) => f.message)
}

/** Runs one report scenario. */
export async function runReportScenario(engine: Pick<ReportScenarioEngine, 'summarizeRecords'>, scenario: ReportScenarioRecord): Promise<ReportScenarioResult> {
  const run = await runOne(reportScenarioRunner, engine, scenario)
  return { name: run.name, at: run.at, passed: run.passed, failures: run.failures.map((f) => f.message), ...(run.error ? { error: run.error } : {}) }
}

/**
 * Runs the report scenarios of the engine's rule set (or those given), in order.
 * @example
 * const results = await runReportScenarios(createEngine())
 */
export async function runReportScenarios(engine: ReportScenarioEngine, scenarios: readonly ReportScenarioRecord[] = engine.ruleSet.reportScenarios ?? []): Promise<ReportScenarioResult[]> {
  const results: ReportScenarioResult[] = []
  for (const scenario of scenarios) results.push(await runReportScenario(engine, scenario))
  return results
}
