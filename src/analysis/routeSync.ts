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
import { deriveFacts } from '../routing/deriveFacts.js'
import { validateComplaint } from '../routing/routeComplaint.js'
import { explainCondition } from '../conditions/evaluate.js'
import { vocabularyLookup } from '../conditions/operators.js'
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

/** What one call of the tracing router saw. */
interface Seen {
  traces: Map<string, ConditionTrace>
  fired: Set<string>
  seen?: { complaint: Complaint; facts: Record<string, unknown> }
}

/** Routes one input with the tracer; the traces, fired rules and facts of that call come back with the decision. */
type SyncRouter = (input: unknown) => { decision: RoutingDecision; seen: Seen }

/**
 * One router per rule set (its prepared rules, vocabularies and citations are built once): the analysis
 * routes every scenario and, for collisions, many constructed complaints through the same rule set.
 * `analyzeRuleSet` releases it when it returns (`releaseSyncRouter`), so nothing outlives one analysis.
 */
const routers = new WeakMap<RuleSet, SyncRouter>()

function routerFor(ruleSet: RuleSet): SyncRouter {
  const cached = routers.get(ruleSet)
  if (cached) return cached
  const byNode = rulesByCondition(ruleSet)
  let current: Seen = { traces: new Map(), fired: new Set() }
  // The tracer sees every node of every rule (children first); a rule's own trace is its root node's.
  const tracer: ConditionTracer = (node, trace) => {
    for (const rule of byNode.get(node) ?? []) {
      current.traces.set(rule.id, trace)
      if (trace.result) current.fired.add(rule.id)
    }
  }
  const router = createRouter(ruleSet, (facts) => explainingEvaluation(ruleSet, facts, { tracer }), {
    observe: (complaint, facts) => (current.seen = { complaint, facts: facts as Record<string, unknown> }),
  })
  const route: SyncRouter = (input) => {
    const seen: Seen = (current = { traces: new Map(), fired: new Set() })
    return { decision: router.route(input), seen }
  }
  routers.set(ruleSet, route)
  return route
}

/** Drops the router kept for `ruleSet` (the end of an analysis). */
export function releaseSyncRouter(ruleSet: RuleSet): void {
  routers.delete(ruleSet)
}

/** Routes `input` like `routeComplaint`; a bad input comes back as the `XiaobaoError` it would throw. */
export function routeSync(ruleSet: RuleSet, input: unknown): { ok: true; value: RoutedComplaint } | { ok: false; error: XiaobaoError } {
  let routed: ReturnType<SyncRouter>
  try {
    routed = routerFor(ruleSet)(input)
  } catch (error) {
    if (error instanceof XiaobaoError) return { ok: false, error }
    throw error
  }
  const { decision, seen } = routed
  return { ok: true, value: { complaint: seen.seen!.complaint, facts: seen.seen!.facts, traces: seen.traces, fired: seen.fired, decision } }
}

/**
 * Whether every one of `rules` fires on `input` (false for an input `routeComplaint` refuses): the same
 * validation, facts and evaluator as `routeSync`, for only these rules and with no trace kept — a cheap
 * test before routing a candidate complaint in full.
 */
export function allFire(ruleSet: RuleSet, input: unknown, rules: readonly AnyRule[]): boolean {
  let facts
  try {
    facts = deriveFacts(validateComplaint(input, ruleSet), ruleSet).facts
  } catch (error) {
    if (error instanceof XiaobaoError) return false
    throw error
  }
  const vocab = vocabularyLookup(ruleSet.vocabularies)
  return rules.every((rule) => explainCondition(rule.when, facts, vocab).result)
}
