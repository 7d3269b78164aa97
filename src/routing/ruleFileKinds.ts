/**
 * Routing's rule-file kinds: `section` (one file per 股室: its article, duty items and routing rules),
 * `intake` and `screening` rules, and the `route` scenarios (`kind: scenarios`, the default target).
 */
import { ROUTING_MESSAGES } from './issues.js'
import type { z } from 'zod'
import type { Issue } from '../problems/issue.js'
import type { KindContext, RuleFileKind, ScenarioFileKind } from '../ruleset/capability.js'
import type { EffectivePeriod } from '../ruleset/schemas.js'
import type { ConditionNode } from '../conditions/schema.js'
import { ROUTING_FACTS } from './facts.js'
import { categoriesKind } from './categories/categoriesKind.js'
import { confidenceKind } from './confidence/confidenceKind.js'
import { routingModelKind } from './learned/routingModelKind.js'
import type { RoutingRuleSet } from './ruleSet.js'
import { intakeFile, scenariosFile, screeningFile, sectionFile } from './schemas.js'

const FACTS = Object.keys(ROUTING_FACTS)

function checkPeriod(ctx: KindContext, period: EffectivePeriod | undefined, path: (string | number)[]): Issue[] {
  if (period?.from && period.to && period.from > period.to) {
    return [ctx.issueAt([...path, 'to'], 'invalid_period', `生效期间的结束日 ${period.to} 早于开始日 ${period.from}。`, `the effective period ends (${period.to}) before it starts (${period.from}).`)]
  }
  return []
}

/** The checks every routing, intake and screening rule shares: id, citations, period, condition. */
function checkRule(ctx: KindContext, rule: { id: string; cites: z.infer<typeof sectionFile>['rules'][number]['cites']; effective?: EffectivePeriod | undefined; when: unknown }, path: (string | number)[]): Issue[] {
  return [
    ...ctx.claimId(rule.id, [...path, 'id']),
    ...ctx.checkCites(rule.cites, [...path, 'cites']),
    ...checkPeriod(ctx, rule.effective, [...path, 'effective']),
    ...ctx.checkCondition(rule.when, [...path, 'when'], FACTS),
  ]
}

const sectionKind: RuleFileKind<z.infer<typeof sectionFile>, RoutingRuleSet> = {
  kind: 'section',
  facts: ROUTING_FACTS,
  schema: sectionFile,
  role: 'defines',
  define(d, ruleSet, ctx) {
    if (ruleSet.sections[d.id]) {
      const prior = ruleSet.sections[d.id]!.at
      return [ctx.report(['id'], ROUTING_MESSAGES, 'duplicate_section', { id: d.id, earlier: { file: prior.file } })]
    }
    ruleSet.sections[d.id] = { id: d.id, name: d.name, shortName: d.shortName, seq: d.article.seq, at: ctx.at(['id']) }
    const issues = ctx.addArticle(
      {
        doc: 'implementation-measures',
        docTitle: '',
        seq: d.article.seq,
        printed: d.article.printed,
        chapter: d.article.chapter,
        text: d.article.text,
        items: d.duties.map((duty) => ({ item: duty.item, label: duty.label, text: duty.text, routing: duty.routing })),
        note: d.article.note,
        section: d.id,
        at: ctx.at(['article']),
      },
      ['article', 'seq'],
    )
    const seen = new Set<number>()
    d.duties.forEach((duty, i) => {
      if (seen.has(duty.item)) issues.push(ctx.report(['duties', i, 'item'], ROUTING_MESSAGES, 'duplicate_duty', { item: duty.item }))
      seen.add(duty.item)
    })
    return issues
  },
  load(d, ruleSet, ctx) {
    const issues: Issue[] = []
    d.rules.forEach((rule, i) => {
      const path = ['rules', i]
      issues.push(...checkRule(ctx, rule, path))
      ruleSet.routingRules.push({ ...rule, when: rule.when as ConditionNode, section: d.id, at: ctx.at([...path, 'id']) })
    })
    return issues
  },
}

const intakeKind: RuleFileKind<z.infer<typeof intakeFile>, RoutingRuleSet> = {
  kind: 'intake',
  facts: ROUTING_FACTS,
  schema: intakeFile,
  role: 'refers',
  load(d, ruleSet, ctx) {
    const issues: Issue[] = []
    d.rules.forEach((rule, i) => {
      const path = ['rules', i]
      issues.push(...checkRule(ctx, rule, path))
      ruleSet.intakeRules.push({ ...rule, at: ctx.at([...path, 'id']) })
    })
    return issues
  },
}

const screeningKind: RuleFileKind<z.infer<typeof screeningFile>, RoutingRuleSet> = {
  kind: 'screening',
  facts: ROUTING_FACTS,
  schema: screeningFile,
  role: 'refers',
  load(d, ruleSet, ctx) {
    const issues: Issue[] = []
    d.rules.forEach((screening, i) => {
      const path = ['rules', i]
      issues.push(...checkRule(ctx, screening, path))
      if (screening.outcome === 'transfer' && !screening.transferTo) {
        issues.push(ctx.issueAt(path, 'missing_field', '移送规则（outcome: transfer）须写 transferTo：取哪个事实作为有管辖权的县。', 'a transfer rule needs transferTo: the fact that names the competent county.'))
      }
      if (screening.transferTo && !FACTS.includes(screening.transferTo.fact)) {
        issues.push(ctx.issueAt([...path, 'transferTo', 'fact'], 'unknown_fact', `未知的事实 "${screening.transferTo.fact}"。`, `unknown fact "${screening.transferTo.fact}".`))
      }
      if (screening.hint) issues.push(...ctx.checkCondition(screening.hint.when, [...path, 'hint', 'when'], FACTS))
      ruleSet.screeningRules.push({ ...screening, at: ctx.at([...path, 'id']) })
    })
    return issues
  },
}

/** `kind: scenarios` with `target: route` (the default). */
export const routeScenarioTarget: ScenarioFileKind<z.infer<typeof scenariosFile>, RoutingRuleSet> = {
  target: 'route',
  schema: scenariosFile,
  load(d, ruleSet, ctx) {
    const issues: Issue[] = []
    d.scenarios.forEach((scenario, i) => {
      if (scenario.expect.cites) issues.push(...ctx.checkCites(scenario.expect.cites, ['scenarios', i, 'expect', 'cites']))
      ruleSet.scenarios.push({ ...scenario, at: ctx.at(['scenarios', i]), ...(d.measure ? { measure: { ...d.measure } } : {}) })
    })
    return issues
  },
}

export const ROUTING_KINDS: readonly RuleFileKind[] = [sectionKind, intakeKind, screeningKind, categoriesKind, confidenceKind, routingModelKind]
