/**
 * The compiled, synchronous routing path: the one pipeline (`createRouter`) with the compiled conditions
 * as its evaluator (the text scanned once, the conditions run as closures).
 */
import type { RoutingRuleSet as RuleSet } from '../ruleSet.js'
import { createDecider, type Decider } from '../decide.js'
import { createRouter } from '../createRouter.js'
import type { RouteOptions, RoutingDecision } from '../types.js'
import { compileRuleSet, type CompiledRuleSet } from './compileRuleSet.js'

export interface CompiledRouter {
  readonly compiled: CompiledRuleSet
  /** @throws XiaobaoError (`invalid_input`, `input_too_large`) for bad input. */
  route(input: unknown, options?: RouteOptions): RoutingDecision
}

export function createCompiledRouter(ruleSet: RuleSet, decider: Decider = createDecider(ruleSet)): CompiledRouter {
  const compiled = compileRuleSet(ruleSet)
  return { compiled, route: createRouter(ruleSet, compiled.evaluate, { decider }).route }
}
