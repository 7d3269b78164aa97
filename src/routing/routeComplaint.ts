/**
 * Validates one complaint, report or inquiry (the first step of the routing pipeline, `createRouter.ts`).
 */
import type { Issue } from '../problems/issue.js'
import { inputIssues } from '../problems/inputIssues.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { RoutingRuleSet as RuleSet } from './ruleSet.js'
import { complaintInputCheck as complaintInput } from './complaintInputCheck.js'
import type { Complaint } from './complaintInput.js'
import { fastComplaint } from './fastComplaint.js'

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
  // The common well-formed complaint is checked by hand (the same answer as zod: fastComplaint.test.ts);
  // anything else goes to the schema, which words every error.
  let complaint = fastComplaint(input)
  if (complaint === undefined) {
    const parsed = complaintInput.safeParse(input)
    if (!parsed.success) throw new XiaobaoError(inputIssues(input, parsed.error.issues))
    complaint = parsed.data
  }
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
