/**
 * Checks the rules themselves before a change is accepted: what the regulation's items are covered by,
 * where lead rules collide, which rules are masked or dead, what the scenarios never exercise, and
 * whether the scenarios contradict each other. Pure and deterministic: no clock, no disk.
 */
import { validateMeetingRecord } from '../meetings/validateMeetingRecord.js'
import { deriveMeetingFacts } from '../meetings/deriveMeetingFacts.js'
import type { MeetingProcedure, MeetingScenarioRecord } from '../meetings/types.js'
import type { ComplaintInput } from '../routing/complaintInput.js'
import { applies, inForce as ruleInForce } from '../routing/preparedRules.js'
import { explainCondition, type ConditionTrace } from '../routing/explainCondition.js'
import type { RuleSet } from '../capabilities.js'
import type { ScenarioRecord } from '../routing/ruleSet.js'
import { constructCollision, equalPriorityPairs, exampleFromRun, pairKey, releasePreparedLeads } from './collisions.js'
import { conditionEntries, walkTrace } from './conditionPaths.js'
import { finding, list, listEn, sortFindings } from './findings.js'
import { contradiction, termsOf } from './keywordTerms.js'
import { dutyCoverage, procedureCoverage, timeLimitCoverage } from './regulationCoverage.js'
import { allRules, releaseSyncRouter, routeSync, type AnyRule, type RoutedComplaint } from './routeSync.js'
import { deadRules, shadowedRules, sharedKeywords, unusedVocabularies } from './ruleChecks.js'
import { scenarioHealth } from './scenarioHealth.js'
import type { Analysis, AnalyzeOptions, CollisionExample, ConditionCoverage, Finding, RuleCoverageRow } from './types.js'
import { vocabularyLookup } from '../conditions/operators.js'
import { vocabularyChecks } from './vocabularyChecks.js'
import { normalizeText } from '../conditions/normalizeText.js'

interface RoutedScenarioRun {
  scenario: ScenarioRecord
  run: RoutedComplaint
}

interface MeetingRun {
  scenario: MeetingScenarioRecord
  traces: Map<string, ConditionTrace>
  fired: Set<string>
}

/** The latest `receivedOn` among the scenarios: the default analysis date. */
function latestScenarioDate(scenarios: readonly ScenarioRecord[]): string | undefined {
  let latest: string | undefined
  for (const s of scenarios) {
    const on = (s.input as { receivedOn?: unknown }).receivedOn
    if (typeof on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(on) && (!latest || on > latest)) latest = on
  }
  return latest
}

function runMeetingScenarios(procedure: MeetingProcedure | undefined, scenarios: readonly MeetingScenarioRecord[]): MeetingRun[] {
  if (!procedure) return []
  const params = Object.fromEntries(Object.entries(procedure.params).map(([name, p]) => [name, p.value]))
  const runs: MeetingRun[] = []
  for (const scenario of scenarios) {
    let facts: Record<string, unknown>
    try {
      facts = deriveMeetingFacts(validateMeetingRecord(scenario.input), params) as unknown as Record<string, unknown>
    } catch {
      continue // a scenario about a bad record: no check runs
    }
    const traces = new Map<string, ConditionTrace>()
    const fired = new Set<string>()
    for (const check of procedure.checks) {
      const trace = explainCondition(check.when, facts, () => undefined)
      traces.set(check.code, trace)
      if (trace.result) fired.add(check.code)
    }
    runs.push({ scenario, traces, fired })
  }
  return runs
}

function conditionTable(when: AnyRule['when'], traces: readonly ConditionTrace[]): ConditionCoverage[] {
  const counts = new Map(conditionEntries(when).map((e) => [e.path, { path: e.path, condition: e.condition, madeTrue: 0, madeFalse: 0 }]))
  for (const trace of traces)
    walkTrace(trace, (path, result) => {
      const c = counts.get(path)
      if (c) result ? c.madeTrue++ : c.madeFalse++
    })
  return [...counts.values()]
}

/** Which rules and conditions the scenarios made true and false. */
function ruleCoverage(ruleSet: RuleSet, runs: readonly RoutedScenarioRun[], meetingRuns: readonly MeetingRun[]): RuleCoverageRow[] {
  const rows: RuleCoverageRow[] = []
  const stageOf = (rule: AnyRule) => (ruleSet.intakeRules.includes(rule as never) ? 'intake' : ruleSet.screeningRules.includes(rule as never) ? 'screening' : 'routing')
  for (const rule of allRules(ruleSet)) {
    const stage = stageOf(rule)
    const relevant = runs.filter((r) => applies(rule, r.run.complaint))
    const traces = relevant.map((r) => r.run.traces.get(rule.id)!)
    const decided = relevant.filter((r) => r.run.decision.trace.some((h) => h.rule === rule.id && ['lead', 'intake', 'reject', 'transfer'].includes(h.effect))).length
    rows.push({
      rule: rule.id,
      ...(rule.description ? { description: rule.description } : {}),
      stage,
      ...('section' in rule ? { section: rule.section } : {}),
      ...('role' in rule ? { role: rule.role } : {}),
      priority: rule.priority,
      evaluated: relevant.length,
      fired: traces.filter((t) => t.result).length,
      decided,
      conditions: conditionTable(rule.when, traces),
      at: rule.at,
    })
  }
  for (const check of ruleSet.meetingProcedure?.checks ?? []) {
    const traces = meetingRuns.map((r) => r.traces.get(check.code)!)
    const fired = traces.filter((t) => t.result).length
    rows.push({ rule: check.code, description: check.message.zh, stage: 'meeting', evaluated: traces.length, fired, decided: fired, conditions: conditionTable(check.when, traces), at: check.at })
  }
  return rows
}

function testCoverageFindings(ruleSet: RuleSet, rows: readonly RuleCoverageRow[], asOf: string | undefined, scenarioCount: number, meetingCount: number): Finding[] {
  const findings: Finding[] = []
  const vocab = vocabularyLookup(ruleSet.vocabularies)
  const byId = new Map(allRules(ruleSet).map((r) => [r.id, r]))
  for (const row of rows) {
    const rule = byId.get(row.rule)
    const count = row.stage === 'meeting' ? meetingCount : scenarioCount
    if (count === 0) continue
    if (rule) {
      const inForce = !asOf || ruleInForce(rule, asOf)
      const { terms, complete } = termsOf(rule.when, vocab)
      const impossible = complete && terms.every((t) => contradiction(t, 'appliesTo' in rule ? rule.appliesTo : undefined))
      if (!inForce || impossible) continue // reported as expired / not yet in force / unsatisfiable
    }
    const what = row.stage === 'meeting' ? '会议检查' : row.stage === 'intake' ? '受理规则' : row.stage === 'screening' ? '不予受理或移送规则' : row.role === 'lead' ? '主办规则' : '协办规则'
    const whatEn = row.stage === 'meeting' ? 'meeting check' : `${row.stage} rule`
    const testFile = row.stage === 'meeting' || row.stage === 'intake' || row.stage === 'screening' ? 'tests/ 下的场景文件' : row.at.file.replace(/\.yaml$/, '.test.yaml')
    if (row.fired === 0) {
      findings.push(
        finding(
          'rule_never_fired',
          'warning',
          `${what} ${row.rule} 在全部 ${count} 个测试场景中从未命中：它坏了也没有测试会失败。请在 ${testFile} 加一个应当命中它的场景。`,
          `${whatEn} ${row.rule} fired in none of the ${count} scenarios, so nothing fails if it breaks. Add a scenario that should fire it.`,
          [row.at],
          { rules: [row.rule] },
        ),
      )
      continue
    }
    const leaves = row.conditions.filter((c) => !['all', 'any', 'not'].includes(c.condition))
    const neverTrue = leaves.filter((c) => c.madeTrue === 0)
    const neverFalse = leaves.filter((c) => c.madeFalse === 0)
    if (neverTrue.length + neverFalse.length === 0) continue
    const show = (cs: ConditionCoverage[]) => cs.map((c) => `${c.path}（${c.condition}）`)
    findings.push(
      finding(
        'condition_untested',
        'info',
        `${what} ${row.rule}：${neverTrue.length ? `从未为真的条件 ${list(show(neverTrue), 4)}` : ''}${neverTrue.length && neverFalse.length ? '；' : ''}${neverFalse.length ? `从未为假的条件 ${list(show(neverFalse), 4)}` : ''}。可加场景覆盖这些分支。`,
        `${whatEn} ${row.rule}: ${neverTrue.length ? `never true: ${listEn(neverTrue.map((c) => c.path), 4)}` : ''}${neverTrue.length && neverFalse.length ? '; ' : ''}${neverFalse.length ? `never false: ${listEn(neverFalse.map((c) => c.path), 4)}` : ''}. Scenarios could cover these branches.`,
        [row.at],
        { rules: [row.rule] },
      ),
    )
  }
  return findings
}

function collisionFindings(ruleSet: RuleSet, runs: readonly RoutedScenarioRun[], asOf: string): Finding[] {
  const rules = new Map(ruleSet.routingRules.map((r) => [r.id, r]))
  const found = new Map<string, { a: string; b: string; example: CollisionExample; also?: string[] }>()
  // From the scenarios: every lead_tie warning names the winner and the rules it tied with.
  for (const { scenario, run } of runs) {
    for (const w of run.decision.warnings) {
      if (w.code !== 'lead_tie' || !w.rules) continue
      for (let i = 0; i < w.rules.length; i++)
        for (let j = i + 1; j < w.rules.length; j++) {
          const a = rules.get(w.rules[i]!), b = rules.get(w.rules[j]!)
          if (!a || !b || a.section === b.section) continue
          const key = pairKey(a.id, b.id)
          const prior = found.get(key)
          if (prior) {
            prior.also = [...(prior.also ?? []), scenario.name]
            continue
          }
          const example = exampleFromRun(run, scenario.input as ComplaintInput, [a.id, b.id], scenario.name)
          if (example) found.set(key, { a: a.id < b.id ? a.id : b.id, b: a.id < b.id ? b.id : a.id, example })
        }
    }
  }
  // Built from the rules' own keyword lists.
  for (const [a, b] of equalPriorityPairs(ruleSet)) {
    const key = pairKey(a.id, b.id)
    if (found.has(key)) continue
    const example = constructCollision(ruleSet, a, b, asOf)
    if (example) found.set(key, { a: a.id, b: b.id, example })
  }
  const findings: Finding[] = []
  for (const { a, b, example, also } of found.values()) {
    const ra = rules.get(a)!, rb = rules.get(b)!
    const leadName = ruleSet.sections[example.lead]?.name ?? example.lead
    // The rule that loses: the one of the pair whose section does not lead (the winner may be a third rule of the other's section).
    const loser = ra.section === example.lead ? rb : ra
    const from = example.source === 'scenario' ? `测试场景「${example.scenario}」${also?.length ? `（另有 ${also.length} 个场景）` : ''}` : '由两条规则的关键词构造的投诉'
    const fromEn = example.source === 'scenario' ? `scenario "${example.scenario}"${also?.length ? ` (and ${also.length} more)` : ''}` : 'a complaint built from both rules’ keywords'
    findings.push(
      finding(
        'lead_collision',
        'error',
        `不同股室的主办规则 ${a}（${ra.section}）与 ${b}（${rb.section}）优先级相同（${ra.priority}），可以同时命中同一件投诉，例如${from}：「${example.text}」。今天只是按规则编号由 ${example.winner}（${leadName}）主办，${loser.id} 的股室改为协办——这不是本局的决定。请调整其中一条的优先级，或用更明确的关键词（notContainsAny）把两者分开，并加一个测试场景证明。`,
        `lead rules ${a} (${ra.section}) and ${b} (${rb.section}) of different sections share priority ${ra.priority} and both fire on one complaint, e.g. ${fromEn}: "${example.text}". Today ${example.winner} (${example.lead}) leads only by rule-id order. Change one priority or separate them with sharper keywords (notContainsAny), and add a scenario that proves it.`,
        [ra.at, rb.at, ...(example.source === 'scenario' ? [runs.find((r) => r.scenario.name === example.scenario)?.scenario.at] : [])],
        { rules: [a, b], example },
      ),
    )
  }
  return findings
}

/**
 * Analyses a rule set: coverage of the regulation, collisions between lead rules, shadowed and dead
 * rules, unused vocabularies, test coverage of the scenarios, and the scenarios' own health.
 * @param ruleSet a loaded rule set (`loadRuleSet`, `parseRuleSet` or `defaultRuleSet()`)
 * @param options the scenarios to measure (default: the rule set's own) and the analysis date
 * @returns findings (errors first), coverage tables and a summary; deterministic for the same input
 * @example
 * const { findings, summary } = analyzeRuleSet(defaultRuleSet())
 * if (summary.errors > 0) console.log(findings.filter((f) => f.severity === 'error'))
 */
export function analyzeRuleSet(ruleSet: RuleSet, options: AnalyzeOptions = {}): Analysis {
  // The router and the lead rules' keyword indexes are built once per analysis and dropped when it ends.
  try {
    return analyze(ruleSet, options)
  } finally {
    releaseSyncRouter(ruleSet)
    releasePreparedLeads(ruleSet)
  }
}

function analyze(ruleSet: RuleSet, options: AnalyzeOptions): Analysis {
  const scenarios = options.scenarios ?? ruleSet.scenarios
  const meetingScenarios = options.meetingScenarios ?? ruleSet.meetingScenarios ?? []
  const asOf = options.asOf ?? latestScenarioDate(scenarios)

  const runs: RoutedScenarioRun[] = []
  for (const scenario of scenarios) {
    const routed = routeSync(ruleSet, scenario.input)
    if (routed.ok) runs.push({ scenario, run: routed.value })
  }
  const meetingRuns = runMeetingScenarios(ruleSet.meetingProcedure, meetingScenarios)
  const routedScenarios = runs.map((r) => ({ name: r.scenario.name, decision: r.run.decision }))

  const duties = dutyCoverage(ruleSet, routedScenarios, scenarios.length)
  const procedure = procedureCoverage(ruleSet, meetingRuns.map((r) => ({ name: r.scenario.name, fired: r.fired })))
  const deadlineScenarios = (ruleSet.escalationScenarios ?? []).map((s) => ({ name: s.name, deadlines: new Set((s.expect.entries ?? []).map((e) => e.deadline as string)) }))
  const timeLimits = timeLimitCoverage(ruleSet, routedScenarios, deadlineScenarios)
  const rules = ruleCoverage(ruleSet, runs, meetingRuns)
  const collisions = collisionFindings(ruleSet, runs, asOf ?? '2000-01-01')

  const findings = sortFindings([
    ...duties.findings,
    ...procedure.findings,
    ...timeLimits.findings,
    ...collisions,
    ...shadowedRules(ruleSet),
    ...deadRules(ruleSet, asOf),
    ...unusedVocabularies(ruleSet),
    ...sharedKeywords(ruleSet),
    // Only the tuned part: the frozen third is for measuring, and a finding about it would be a hint to tune on it.
    ...vocabularyChecks(ruleSet, ruleSet.scenarios.filter((s) => s.measure && !(s as { frozen?: boolean }).frozen).map((s) => normalizeText(String((s.input as { text?: unknown }).text ?? ''))), options.commonWords),
    ...testCoverageFindings(ruleSet, rules, asOf, scenarios.length, meetingRuns.length),
    ...scenarioHealth(ruleSet, scenarios, meetingScenarios),
  ])

  const conditions = rules.flatMap((r) => r.conditions)
  const dutyRows = duties.rows.filter((r) => r.routing === 'duty')
  return {
    findings,
    coverage: { duties: duties.rows, procedure: procedure.rows, timeLimits: timeLimits.rows, rules },
    summary: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      ...(asOf ? { asOf } : {}),
      scenarios: scenarios.length,
      meetingScenarios: meetingScenarios.length,
      rules: { total: rules.length, fired: rules.filter((r) => r.fired > 0).length },
      conditions: {
        total: conditions.length,
        madeTrue: conditions.filter((c) => c.madeTrue > 0).length,
        madeFalse: conditions.filter((c) => c.madeFalse > 0).length,
        bothWays: conditions.filter((c) => c.madeTrue > 0 && c.madeFalse > 0).length,
      },
      duties: {
        items: duties.rows.length,
        routing: dutyRows.length,
        cited: dutyRows.filter((r) => r.rules.length > 0).length,
        exercised: dutyRows.filter((r) => r.scenarios.length > 0).length,
        notRouting: duties.rows.filter((r) => r.routing === 'not').length,
        unmarked: duties.rows.filter((r) => r.routing === 'unmarked').length,
      },
      ...(procedure.rows
        ? { procedure: { items: procedure.rows.length, checked: procedure.rows.filter((r) => r.checks.length > 0).length, exercised: procedure.rows.filter((r) => r.scenarios.length > 0).length } }
        : {}),
      timeLimits: {
        items: timeLimits.rows.length,
        enforced: timeLimits.rows.filter((r) => r.deadlineRules.length + r.rules.length > 0).length,
        deadlineRulesLoaded: timeLimits.loaded,
      },
      collisions: collisions.length,
      ruleSet: { ...ruleSet.provenance },
    },
  }
}
