/**
 * `routeComplaintSync(input)` and `routeComplaint(input)` at the top level: routing with the bundled
 * rules and the compiled conditions, for an app that only routes. They decide exactly as
 * `createEngine().routeComplaintSync` does (test/routeBundled.test.ts), but reach only the routing part
 * of the bundled rules (`bundledRoutingRuleSet`): no other capability, no scenario, no json-rules-engine.
 * A browser bundle of one call is a fraction of one that calls `createEngine()` (README, "In a browser").
 */
import { snapshotInput, typedErrors } from '../problems/snapshotInput.js'
import { createCompiledRouter, type CompiledRouter } from '../routing/compiled/createCompiledRouter.js'
import type { ComplaintInput } from '../routing/complaintInput.js'
import type { RouteOptions, RoutingDecision } from '../routing/types.js'
import { bundledRoutingRuleSet } from './bundledRouting.js'
import { checkRouteOptions } from './routeOptions.js'

let router: CompiledRouter | undefined

/**
 * Routes a complaint (投诉), report (举报) or inquiry (咨询) with the bundled rules, synchronously: the
 * same decision as `createEngine().routeComplaintSync(input, options)`. The rules are prepared on the
 * first call.
 * @throws XiaobaoError with code `invalid_input` or `input_too_large` for bad input.
 * @example
 * routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }).lead?.id // 'food-circulation'
 */
export function routeComplaintSync(input: ComplaintInput, options?: RouteOptions): RoutingDecision {
  return typedErrors(() => {
    const inputCopy = snapshotInput(input, 'input')
    const optionsCopy = checkRouteOptions(snapshotInput(options, 'options'))
    router ??= createCompiledRouter(bundledRoutingRuleSet())
    return router.route(inputCopy, optionsCopy)
  })
}

/**
 * The same as `routeComplaintSync`, as a promise (a bad input rejects with `XiaobaoError`): the same
 * decision as `createEngine().routeComplaint(input, options)`.
 */
export async function routeComplaint(input: ComplaintInput, options?: RouteOptions): Promise<RoutingDecision> {
  return routeComplaintSync(input, options)
}
