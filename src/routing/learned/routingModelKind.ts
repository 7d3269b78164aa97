/** Loads `kind: routing-model` into the routing slice (`ruleSet.routingModel`), checking its weights decode. */
import type { Issue } from '../../problems/issue.js'
import type { RuleFileKind } from '../../ruleset/capability.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import { decodeWeights } from './compact.js'
import { routingModelFile, type RoutingModelFile } from './schema.js'
import type { LearnedReject } from './types.js'

const KINDS = ['complaint', 'report', 'inquiry'] as const

export const routingModelKind: RuleFileKind<RoutingModelFile, RoutingRuleSet> = {
  kind: 'routing-model',
  schema: routingModelFile,
  role: 'refers',
  max: 1,
  load(d, ruleSet, ctx) {
    const issues: Issue[] = []
    if (new Set(d.classes).size !== d.classes.length) issues.push(ctx.issueAt(['classes'], 'invalid_value', '类别（classes）有重复。', 'classes has a duplicate.'))
    d.classes.forEach((c, i) => {
      if (c !== 'reject' && !ruleSet.sections[c]) {
        issues.push(ctx.issueAt(['classes', i], 'unknown_section', `模型的类别 "${c}" 没有股室文件；请运行 xiaobao train 重新训练。`, `model class "${c}" has no section file; run xiaobao train.`))
      }
    })
    if (typeof d.unsureLeadThreshold === 'number') {
      if (typeof d.leadThreshold !== 'number') {
        issues.push(ctx.issueAt(['unsureLeadThreshold'], 'invalid_value', `unsureLeadThreshold（${d.unsureLeadThreshold}）只在模型可以改定主办（leadThreshold 是数字）时起作用；leadThreshold 为 false 或不写时，请把它也改为 false 或删去。`, `unsureLeadThreshold (${d.unsureLeadThreshold}) only applies where the model may lead (leadThreshold a number); with leadThreshold false or absent, set it to false or remove it.`))
      } else if (d.unsureLeadThreshold > d.leadThreshold) {
        issues.push(ctx.issueAt(['unsureLeadThreshold'], 'invalid_value', `unsureLeadThreshold（${d.unsureLeadThreshold}）不得高于 leadThreshold（${d.leadThreshold}）：规则把握不大时，模型改定主办所需的把握不应比规则有把握时更高。`, `unsureLeadThreshold (${d.unsureLeadThreshold}) may not be above leadThreshold (${d.leadThreshold}): where the rules are unsure the model should not need more certainty to lead than where they are sure.`))
      }
    }
    const decoded = decodeWeights(d, d.classes.length)
    if (!decoded.ok) issues.push(ctx.issueAt([decoded.field], 'invalid_value', `学得的分办模型无法读取：${decoded.zh}请运行 xiaobao train 重新生成，不要手改。`, `the routing model cannot be read: ${decoded.en} Run xiaobao train to write it again; do not edit it by hand.`))
    if (issues.length > 0) return issues
    const { kind: _kind, learnedReject, ...model } = d
    ruleSet.routingModel = { ...model, at: ctx.at(['kind']) }
    if (learnedReject) {
      // Where each named screening rule is written in this file: the whole-set check (learnedRejectRules.ts)
      // runs once every file is loaded, and reports a name that is no rejecting screening rule there.
      const at: NonNullable<LearnedReject['at']> = {}
      for (const kind of KINDS) if (learnedReject.rules[kind] !== undefined) at[kind] = ctx.at(['learnedReject', 'rules', kind])
      ruleSet.routingModel.learnedReject = { ...learnedReject, rules: { ...learnedReject.rules }, at }
    }
    return issues
  },
}
