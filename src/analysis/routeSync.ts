/**
 * Routes one complaint synchronously through the one routing pipeline (`createRouter`) with the
 * explaining evaluation and a tracer (src/routing/evaluation.ts), keeping every rule's condition trace as
 * the tracer reports it: the analysis evaluates nothing itself. `explainCondition` has json-rules-engine's
 * semantics (a test pins that), and the pipeline is the engine's own, so what the analysis reports is what
 * `routeComplaint` does.
 */
import type { ConditionNode } from '../conditions/schema.js'
import type { ConditionTrace, ConditionTracer } from '../conditions/evaluate.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { Complaint } from '../routing/complaintInput.js'
import { createRouter } from '../routing/createRouter.js'
import { explainingEvaluation } from '../routing/evaluation.js'
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

/** The rules whose whole condition is `node` (one, unless a hand-built rule set shares a condition object). */
function rulesByCondition(ruleSet: RuleSet): Map<ConditionNode, AnyRule[]> {
  const byNode = new Map<ConditionNode, AnyRule[]>()
  for (const rule of allRules(ruleSet)) {
    const rules = byNode.get(rule.when)
    if (rules) rules.push(rule)
    else byNode.set(rule.when, [rule])
  }
  return byNode
}

/** Routes `input` like `routeComplaint`; a bad input comes back as the `XiaobaoError` it would throw. */
export function routeSync(ruleSet: RuleSet, input: unknown): { ok: true; value: RoutedComplaint } | { ok: false; error: XiaobaoError } {
  const byNode = rulesByCondition(ruleSet)
  const traces = new Map<string, ConditionTrace>()
  const fired = new Set<string>()
  // The tracer sees every node of every rule (children first); a rule's own trace is its root node's.
  const tracer: ConditionTracer = (node, trace) => {
    for (const rule of byNode.get(node) ?? []) {
      traces.set(rule.id, trace)
      if (trace.result) fired.add(rule.id)
    }
  }
  let seen: { complaint: Complaint; facts: Record<string, unknown> } | undefined
  const router = createRouter(ruleSet, (facts) => explainingEvaluation(ruleSet, facts, { tracer }), {
    observe: (complaint, facts) => (seen = { complaint, facts: facts as Record<string, unknown> }),
  })
  let decision: RoutingDecision
  try {
    decision = router.route(input)
  } catch (error) {
    if (error instanceof XiaobaoError) return { ok: false, error }
    throw error
  }
  return { ok: true, value: { complaint: seen!.complaint, facts: seen!.facts, traces, fired, decision } }
}
