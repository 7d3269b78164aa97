/**
 * The compiled, synchronous routing path: validate (zod, as on every path), derive the facts, scan the
 * text once, run the compiled conditions, decide.
 */
import type { RoutingRuleSet as RuleSet } from '../ruleSet.js'
import { createDecider, type Decider } from '../decide.js'
import { deriveFacts } from '../deriveFacts.js'
import { validateComplaint } from '../routeComplaint.js'
import type { RouteOptions, RoutingDecision } from '../types.js'
import { compileRuleSet, type CompiledRuleSet } from './compileRuleSet.js'

export interface CompiledRouter {
  readonly compiled: CompiledRuleSet
  /** @throws XiaobaoError (`invalid_input`, `input_too_large`) for bad input. */
  route(input: unknown, options?: RouteOptions): RoutingDecision
}

export function createCompiledRouter(ruleSet: RuleSet, decider: Decider = createDecider(ruleSet)): CompiledRouter {
  const compiled = compileRuleSet(ruleSet)
  return {
    compiled,
    route(input, options) {
      const complaint = validateComplaint(input, ruleSet)
      const { facts, warnings } = deriveFacts(complaint, ruleSet)
      return decider(complaint, facts, compiled.evaluate(facts), warnings, options)
    },
  }
}
