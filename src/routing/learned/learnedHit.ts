/**
 * What a learned lead adds to a decision: the `learned_lead` warning (zh + en) and the trace entry —
 * stage `routing`, effect `lead`, the section, the cites of its general duty, the grams that made the
 * model choose it (with offsets) as keyword evidence, and the model file's place as `at`.
 */
import type { Citation } from '../../ruleset/types.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import type { RoutingRule } from '../ruleSet.js'
import type { RoutingWarning, RuleHit, SectionRef } from '../types.js'
import type { LearnedLead } from './suggest.js'
import type { SectionId } from '../../sections.js'

/** The trace's rule id for a learned lead (it is no rule: the model file's kind). */
export const LEARNED_RULE_ID = 'routing-model'

/** `byCategory`: the rules had a category-level lead (else the general fallback). */
export function learnedWarning(lead: SectionRef, p: number, fallback: SectionRef, byCategory: boolean): RoutingWarning {
  const shown = p.toFixed(2)
  return {
    code: 'learned_lead',
    message: `没有规则命中具体股室；按本局已办案例的文字，建议由${lead.name}主办（相似度 p=${shown}），请人工复核。${byCategory ? '按商品和服务类别' : '规则兜底时'}本由${fallback.name}主办，现列为协办。`,
    messageEn: `no rule matched a specific section; from the texts of cases this bureau has labelled, ${lead.id} is suggested to lead (p=${shown}); a person should review it. ${byCategory ? 'By the category' : "By the rules' fallback"}, ${fallback.id} would have led; it now assists.`,
  }
}

/** With `explain`, its one condition: the model's probability for the section at least the threshold. */
export function learnedTraceHit(ruleSet: RoutingRuleSet, learned: LearnedLead, section: SectionRef, cites: Citation[], explain: boolean): RuleHit {
  const hit: RuleHit = { rule: LEARNED_RULE_ID, stage: 'routing', effect: 'lead', section, priority: 0, cites, keywords: learned.evidence, facts: [], at: { ...ruleSet.routingModel!.at } }
  if (explain) hit.conditions = { kind: 'leaf', result: true, fact: 'routingModel', operator: 'greaterThanInclusive', value: ruleSet.routingModel!.threshold, factValue: learned.p }
  return hit
}

/**
 * A section's general duty, as its rules cite it: the cites of its category-level rule (`byCategory:
 * true`, which rests on the section's general duty item), else of its lowest-priority lead rule (its
 * broadest), else the fallback's cites.
 */
export function generalDutyRule(rules: readonly RoutingRule[], section: SectionId): number {
  let found = -1
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!
    if (rule.section !== section || rule.role !== 'lead') continue
    if (rule.byCategory === true) return i
    if (found < 0 || rule.priority < rules[found]!.priority) found = i
  }
  return found
}
