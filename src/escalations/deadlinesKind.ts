/**
 * The `deadlines` rule-file kind (rules/deadlines.yaml): each statutory deadline, the event it runs from,
 * its length, what meets it and its basis. Every mistake is reported with `file:line:col`.
 */
import type { Issue } from '../problems/issue.js'
import type { KindContext, RuleFileKind } from '../ruleset/capability.js'
import type { EscalationsRuleSet as RuleSet } from './types.js'
import { checkField, DEADLINE_ITEM_TYPE } from './itemFields.js'
import { ESCALATION_MESSAGES } from './issues.js'
import { DEADLINE_IDS, deadlinesFile, type DeadlinesFile } from './schemas.js'

function loadDeadlines(data: DeadlinesFile, ruleSet: RuleSet, ctx: KindContext): Issue[] {
  const issues: Issue[] = []
  data.deadlines.forEach((deadline, i) => {
    const at = ['deadlines', i]
    issues.push(...ctx.claimId(deadline.id, [...at, 'id']))
    issues.push(...ctx.checkCites(deadline.cites, [...at, 'cites']))
    if (deadline.extension) issues.push(...ctx.checkCites(deadline.extension.cites, [...at, 'extension', 'cites']))
    if (deadline.suspension) issues.push(...ctx.checkCites(deadline.suspension.cites, [...at, 'suspension', 'cites']))
    deadline.suspensions?.forEach((period, j) => issues.push(...ctx.checkCites(period.cites, [...at, 'suspensions', j, 'cites'])))

    const expected = DEADLINE_ITEM_TYPE[deadline.id]
    if (deadline.appliesTo !== expected) {
      issues.push(ctx.issueAt([...at, 'appliesTo'], 'invalid_value', `期限 ${deadline.id} 适用于 ${expected}，不是 ${deadline.appliesTo}。`, `deadline ${deadline.id} applies to ${expected} items, not ${deadline.appliesTo}.`))
      return
    }
    const types = [expected]
    issues.push(...checkField(ctx, deadline.onlyIf, types, ['flags', 'events'], [...at, 'onlyIf']))
    issues.push(...checkField(ctx, deadline.from, types, ['events'], [...at, 'from']))
    issues.push(...checkField(ctx, deadline.metBy, types, ['events'], [...at, 'metBy']))
    issues.push(...checkField(ctx, deadline.until, types, ['dues'], [...at, 'until']))
    issues.push(...checkField(ctx, deadline.extension?.when, types, ['flags'], [...at, 'extension', 'when']))
    issues.push(...checkField(ctx, deadline.suspension?.field, types, ['counts'], [...at, 'suspension', 'field']))

    if (deadline.until !== undefined) {
      for (const key of ['length', 'unit', 'extension', 'suspension', 'suspensions'] as const) {
        if (deadline[key] !== undefined) {
          issues.push(ctx.issueAt([...at, key], 'invalid_value', `期限取事项的 ${deadline.until}（until）时，不能再写 ${key}。`, `a deadline taken from the item's ${deadline.until} (until) cannot also have ${key}.`, { preferKey: true }))
        }
      }
    } else if (deadline.length === undefined || deadline.unit === undefined) {
      issues.push(ctx.issueAt(at, 'missing_field', `期限 ${deadline.id} 须写 length 和 unit（working-days 工作日或 calendar-days 自然日），或写 until 取事项自带的期限日期。`, `deadline ${deadline.id} needs length and unit (working-days or calendar-days), or until naming the item's own due date.`))
    } else if (deadline.unit !== 'working-days') {
      for (const key of ['extension', 'suspension', 'suspensions'] as const) {
        if (deadline[key] !== undefined) {
          issues.push(ctx.issueAt([...at, key], 'invalid_value', `${key} 以工作日计，只能用于 unit: working-days 的期限。`, `${key} counts working days, so it needs unit: working-days.`, { preferKey: true }))
        }
      }
    }
  })
  const defined = new Set(data.deadlines.map((d) => d.id))
  const missing = DEADLINE_IDS.filter((id) => !defined.has(id))
  if (missing.length) {
    issues.push(
      ctx.report(['deadlines'], ESCALATION_MESSAGES, 'deadline_missing', { missing, required: [...DEADLINE_IDS], count: DEADLINE_IDS.length }, { preferKey: true }),
    )
  }
  ruleSet.deadlines = {
    title: data.title,
    deadlines: data.deadlines.map((deadline, i) => ({ ...deadline, at: ctx.at(['deadlines', i, 'id']) })),
    at: ctx.at(['kind']),
  }
  return issues
}

/** The `deadlines` file kind (one file: it defines the deadlines the ladder refers to). */
export const deadlinesFileKind: RuleFileKind<DeadlinesFile, RuleSet> = {
  kind: 'deadlines',
  schema: deadlinesFile,
  role: 'defines',
  max: 1,
  load: loadDeadlines,
}
