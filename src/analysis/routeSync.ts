/**
 * Routes one complaint synchronously through the one routing pipeline (`createRouter`), keeping every
 * rule's condition trace: `explainCondition` has json-rules-engine's semantics (a test pins that), and
 * the pipeline is the engine's own, so what the analysis reports is what `routeComplaint` does.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { Complaint } from '../routing/complaintInput.js'
import { createRouter } from '../routing/createRouter.js'
import { explainCondition, type ConditionTrace } from '../routing/explainCondition.js'
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
  const vocab = (name: string) => ruleSet.vocabularies[name]?.keywords
  const traces = new Map<string, ConditionTrace>()
  const fired = new Set<string>()
  let seen: { complaint: Complaint; facts: Record<string, unknown> } | undefined
  // The one routing pipeline, with an evaluator that keeps every rule's trace (no short-circuiting).
  const router = createRouter(
    ruleSet,
    (facts) => {
      for (const rule of allRules(ruleSet)) {
        const trace = explainCondition(rule.when, facts, vocab)
        traces.set(rule.id, trace)
        if (trace.result) fired.add(rule.id)
      }
      return fired
    },
    { observe: (complaint, facts) => (seen = { complaint, facts: facts as Record<string, unknown> }) },
  )
  let decision: RoutingDecision
  try {
    decision = router.route(input)
  } catch (error) {
    if (error instanceof XiaobaoError) return { ok: false, error }
    throw error
  }
  return { ok: true, value: { complaint: seen!.complaint, facts: seen!.facts, traces, fired, decision } }
}
