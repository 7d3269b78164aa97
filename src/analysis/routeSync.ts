/**
 * Routes one complaint synchronously, keeping every rule's condition trace: `explainCondition` has
 * json-rules-engine's semantics (a test pins that), and `decide` is the engine's own decision step, so
 * what the analysis reports is what `routeComplaint` does.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { Complaint } from '../routing/complaintInput.js'
import { decide } from '../routing/decide.js'
import { deriveFacts } from '../routing/deriveFacts.js'
import { explainCondition, type ConditionTrace } from '../routing/explainCondition.js'
import { validateComplaint } from '../routing/routeComplaint.js'
import type { RoutingDecision } from '../routing/types.js'
import type { IntakeRule, RoutingRule, ScreeningRule } from '../routing/ruleSet.js'
import type { RuleSet } from '../capabilities.js'

export type AnyRule = RoutingRule | IntakeRule | ScreeningRule

export interface RoutedComplaint {
  complaint: Complaint
  facts: Record<string, unknown>
  /** Every intake, screening and routing rule's condition trace, by rule id. */
  traces: Map<string, ConditionTrace>
  fired: Set<string>
  decision: RoutingDecision
}

export function allRules(ruleSet: RuleSet): AnyRule[] {
  return [...ruleSet.intakeRules, ...ruleSet.screeningRules, ...ruleSet.routingRules]
}

/** Routes `input` like `routeComplaint`; a bad input comes back as the `XiaobaoError` it would throw. */
export function routeSync(ruleSet: RuleSet, input: unknown): { ok: true; value: RoutedComplaint } | { ok: false; error: XiaobaoError } {
  let complaint: Complaint
  try {
    complaint = validateComplaint(input, ruleSet)
  } catch (error) {
    if (error instanceof XiaobaoError) return { ok: false, error }
    throw error
  }
  const vocab = (name: string) => ruleSet.vocabularies[name]?.keywords
  const { facts, warnings } = deriveFacts(complaint, ruleSet)
  const traces = new Map<string, ConditionTrace>()
  const fired = new Set<string>()
  for (const rule of allRules(ruleSet)) {
    const trace = explainCondition(rule.when, facts, vocab)
    traces.set(rule.id, trace)
    if (trace.result) fired.add(rule.id)
  }
  const decision = decide(ruleSet, complaint, facts, fired, warnings)
  return { ok: true, value: { complaint, facts, traces, fired, decision } }
}
