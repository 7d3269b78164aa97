/**
 * `createEngine()`: the object apps hold. It binds a checked rule set to its evaluators once, so each
 * call only validates its input and evaluates.
 */
import { z } from 'zod'
import { inputIssues } from '../problems/inputIssues.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { RuleSet } from '../ruleset/types.js'
import { createReferenceEvaluator } from '../routing/referenceEvaluator.js'
import { routeWith } from '../routing/routeComplaint.js'
import type { ComplaintInput } from '../routing/complaintInput.js'
import type { RouteOptions, RoutingDecision } from '../routing/types.js'
import { defaultRuleSet } from './defaultRuleSet.js'

function looksLikeRuleSet(value: unknown): value is RuleSet {
  if (value === null || typeof value !== 'object') return false
  const v = value as Partial<RuleSet>
  return (
    Array.isArray(v.routingRules) &&
    Array.isArray(v.intakeRules) &&
    Array.isArray(v.screeningRules) &&
    typeof v.articles === 'object' &&
    typeof v.sections === 'object' &&
    typeof v.bureau === 'object'
  )
}

const engineOptions = z
  .strictObject({
    rules: z
      .custom<RuleSet>(looksLikeRuleSet, { message: '不是已加载的规则集（请用 loadRuleSet 或 parseRuleSet 得到）' })
      .optional(),
  })
  .optional()

export type EngineOptions = z.input<typeof engineOptions>

export interface Engine {
  /** The rule set this engine runs. */
  readonly ruleSet: RuleSet
  /**
   * Routes a complaint (投诉), report (举报) or inquiry (咨询): who registers it, which section leads,
   * which assist, and the articles that decide it.
   * @throws XiaobaoError with code `invalid_input` or `input_too_large` for bad input.
   */
  routeComplaint(input: ComplaintInput, options?: RouteOptions): Promise<RoutingDecision>
}

/**
 * Creates an engine over the bundled rules, or over a rule set you loaded.
 * @param options `{ rules }`: a rule set from `loadRuleSet` (xiaobao/node) or `parseRuleSet`
 * @example
 * const engine = createEngine()
 * const r = await engine.routeComplaint({ kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' })
 * r.lead?.id // 'food-circulation'
 */
export function createEngine(options?: EngineOptions): Engine {
  const parsed = engineOptions.safeParse(options)
  if (!parsed.success) throw new XiaobaoError(inputIssues(options, parsed.error.issues))
  const ruleSet = parsed.data?.rules ?? defaultRuleSet()
  const reference = createReferenceEvaluator(ruleSet)
  return {
    ruleSet,
    routeComplaint(input, routeOptions) {
      return routeWith(ruleSet, reference, input, routeOptions)
    },
  }
}
