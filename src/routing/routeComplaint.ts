/**
 * Routes one complaint, report or inquiry: validates it, derives the facts, runs the rules, decides.
 */
import type { Issue } from '../problems/issue.js'
import { inputIssues } from '../problems/inputIssues.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { RoutingRuleSet as RuleSet } from './ruleSet.js'
import { complaintInput, type Complaint } from './complaintInput.js'
import { createDecider, type Decider } from './decide.js'
import { createRouter } from './createRouter.js'
import type { RoutingDecision, RouteOptions } from './types.js'

/** Validates a complaint against the schema and the rule set's limits; throws `XiaobaoError`. */
export function validateComplaint(input: unknown, ruleSet: RuleSet): Complaint {
  // Check the size before zod walks the value, so a huge text is refused cheaply.
  if (input !== null && typeof input === 'object' && typeof (input as { text?: unknown }).text === 'string') {
    const length = (input as { text: string }).text.length
    if (length > ruleSet.limits.maxTextLength) {
      throw new XiaobaoError([
        {
          code: 'input_too_large',
          severity: 'error',
          path: ['text'],
          message: `text 有 ${length} 个字符，超过上限 ${ruleSet.limits.maxTextLength}（rules/config.yaml 的 limits.maxTextLength）。请只提交投诉内容本身。`,
          messageEn: `text has ${length} characters, over the limit of ${ruleSet.limits.maxTextLength} (limits.maxTextLength in rules/config.yaml). Submit the complaint text only.`,
        },
      ])
    }
  }
  const parsed = complaintInput.safeParse(input)
  if (!parsed.success) throw new XiaobaoError(inputIssues(input, parsed.error.issues))
  const complaint = parsed.data
  if (complaint.harmKnownOn && complaint.harmKnownOn > complaint.receivedOn) {
    const issue: Issue = {
      code: 'invalid_input',
      severity: 'error',
      path: ['harmKnownOn'],
      message: `harmKnownOn（${complaint.harmKnownOn}）晚于收到日期 receivedOn（${complaint.receivedOn}），请核对。`,
      messageEn: `harmKnownOn (${complaint.harmKnownOn}) is after receivedOn (${complaint.receivedOn}); check the dates.`,
    }
    throw new XiaobaoError([issue])
  }
  return complaint
}

/**
 * Routes with an evaluator that returns the set of fired rule ids (json-rules-engine, the reference).
 * Pass the engine's `decider` to reuse its prepared citations.
 */
export async function routeWith(
  ruleSet: RuleSet,
  evaluate: (facts: Record<string, unknown>) => Promise<Set<string>> | Set<string>,
  input: unknown,
  options: RouteOptions = {},
  decider: Decider = createDecider(ruleSet),
): Promise<RoutingDecision> {
  return createRouter(ruleSet, async (facts) => evaluate(facts), { decider }).route(input, options)
}
