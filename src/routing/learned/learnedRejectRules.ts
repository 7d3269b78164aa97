/**
 * The whole-set check of a model file's `learnedReject.rules` (run once every file is loaded: the screening
 * rules may be read after the model file): each name must be a screening rule with `outcome: reject` that
 * applies to that kind of matter — its reason, action and citations are what a learned rejection says.
 */
import type { Issue } from '../../problems/issue.js'
import type { RoutingRuleSet } from '../ruleSet.js'

const KIND_NAMES = { complaint: ['投诉', 'complaint'], report: ['举报', 'report'], inquiry: ['咨询', 'inquiry'] } as const

export function learnedRejectRules(ruleSet: RoutingRuleSet): Issue[] {
  const settings = ruleSet.routingModel?.learnedReject
  if (!settings) return []
  const issues: Issue[] = []
  for (const kind of ['complaint', 'report', 'inquiry'] as const) {
    const id = settings.rules[kind]
    if (id === undefined) continue
    const at = settings.at?.[kind] ?? ruleSet.routingModel!.at
    const rule = ruleSet.screeningRules.find((r) => r.id === id)
    const [zh, en] = KIND_NAMES[kind]
    let problem: [string, string] | undefined
    if (!rule) problem = [`没有 id 为 "${id}" 的筛查规则（rules/screening.yaml）。`, `there is no screening rule "${id}" (rules/screening.yaml).`]
    else if (rule.outcome !== 'reject') problem = [`筛查规则 "${id}" 不是不予受理的规则（outcome: ${rule.outcome}）。`, `screening rule "${id}" does not reject (outcome: ${rule.outcome}).`]
    else if (rule.appliesTo && !rule.appliesTo.includes(kind)) problem = [`筛查规则 "${id}" 不适用于${zh}（appliesTo: ${rule.appliesTo.join('、')}）。`, `screening rule "${id}" does not apply to a ${en} (appliesTo: ${rule.appliesTo.join(', ')}).`]
    if (problem) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        file: at.file,
        line: at.line,
        col: at.col,
        message: `learnedReject.rules.${kind}：${problem[0]}模型把${zh}改为不予受理时借用这条规则的理由、告知和条文。`,
        messageEn: `learnedReject.rules.${kind}: ${problem[1]} A learned rejection of a ${en} uses that rule's reason, action and citations.`,
      })
    }
  }
  return issues
}
