/**
 * Shadowed and dead rules, unused vocabularies and keywords claimed by two competing vocabularies:
 * what a decision-table verifier calls masked rows and unreachable rows.
 */
import type { RoutingRule } from '../routing/ruleSet.js'
import type { RuleSet } from '../capabilities.js'
import { vocabulariesOf } from './conditionPaths.js'
import { finding, list, listEn } from './findings.js'
import { contradiction, implies, termsOf, type Term } from './keywordTerms.js'
import { allRules, type AnyRule } from './routeSync.js'
import type { Finding } from './types.js'
import { vocabularyLookup } from '../conditions/operators.js'

const kindsCover = (outer?: readonly string[], inner?: readonly string[]) => !outer || (inner !== undefined && inner.every((k) => outer.includes(k)))

const periodCovers = (outer: AnyRule, inner: AnyRule) =>
  (!outer.effective?.from || (!!inner.effective?.from && outer.effective.from <= inner.effective.from)) &&
  (!outer.effective?.to || (!!inner.effective?.to && inner.effective.to <= outer.effective.to))

function appliesToOf(rule: AnyRule): readonly string[] | undefined {
  return 'appliesTo' in rule ? rule.appliesTo : undefined
}

/** Lead rules that can never decide the lead: a higher-priority lead rule fires whenever they do. */
export function shadowedRules(ruleSet: RuleSet): Finding[] {
  const vocab = vocabularyLookup(ruleSet.vocabularies)
  const leads = ruleSet.routingRules.filter((r) => r.role === 'lead')
  const termsById = new Map(leads.map((r) => [r.id, termsOf(r.when, vocab)]))
  const findings: Finding[] = []
  for (const rule of leads) {
    const { terms, complete } = termsById.get(rule.id)!
    if (!complete) continue
    const possible = terms.filter((t) => !contradiction(t, rule.appliesTo))
    if (possible.length === 0) continue // reported as rule_unsatisfiable
    const higher = leads.filter((h) => h.priority > rule.priority && kindsCover(h.appliesTo, rule.appliesTo) && periodCovers(h, rule))
    const by = new Set<RoutingRule>()
    const covered = possible.every((t: Term) => {
      const h = higher.find((candidate) => termsById.get(candidate.id)!.terms.some((ht) => implies(t, ht)))
      if (h) by.add(h)
      return h !== undefined
    })
    if (!covered) continue
    const shadows = [...by]
    const names = shadows.map((h) => `${h.id}（${h.priority}）`)
    const sameSection = shadows.every((h) => h.section === rule.section)
    const effect = sameSection
      ? `主办的总是同一股室的那条规则，它引用的条款（${rule.cites.map((c) => `seq ${c.seq}${c.item ? ` item ${c.item}` : ''}`).join('、')}）从不写进分办依据`
      : rule.whenOutranked === 'drop'
        ? '它写了 whenOutranked: drop，所以它命中时什么作用也没有'
        : `它的股室（${rule.section}）最多只能协办`
    const effectEn = sameSection
      ? `The same section's higher rule always decides, so this rule's citations never reach the decision's basis.`
      : rule.whenOutranked === 'drop'
        ? 'With whenOutranked: drop it then has no effect at all.'
        : `Its section (${rule.section}) can only ever assist.`
    findings.push(
      finding(
        'rule_shadowed',
        'warning',
        `主办规则 ${rule.id}（优先级 ${rule.priority}）永远当不了主办：凡它命中的投诉，优先级更高的 ${list(names)} 也一定命中。${effect}。如果本意就是协办，把 role 改为 assist；否则提高它的优先级，或收窄更高优先级规则的关键词。`,
        `lead rule ${rule.id} (priority ${rule.priority}) can never decide the lead: whenever it fires, the higher-priority ${listEn(names)} fires too. ${effectEn} If assisting is the intent, make it role: assist; otherwise raise its priority or narrow the higher rule's keywords.`,
        [rule.at, ...shadows.map((h) => h.at)],
        { rules: [rule.id, ...shadows.map((h) => h.id)] },
      ),
    )
  }
  return findings
}

/** Rules whose effective period has ended, or begins only after `asOf`; rules whose condition cannot hold. */
export function deadRules(ruleSet: RuleSet, asOf: string | undefined): Finding[] {
  const vocab = vocabularyLookup(ruleSet.vocabularies)
  const findings: Finding[] = []
  for (const rule of allRules(ruleSet)) {
    const period = rule.effective
    if (asOf && period?.to && period.to < asOf) {
      findings.push(
        finding(
          'rule_expired',
          'warning',
          `规则 ${rule.id} 的生效期间已于 ${period.to} 结束（分析日期 ${asOf}），此后收到的投诉不再适用它。如已被新规则取代，请删除它或把它移到历史文件；如仍应适用，请延长 effective.to。`,
          `rule ${rule.id} stopped applying on ${period.to} (analysis date ${asOf}). Delete it if a newer rule replaces it, or extend effective.to.`,
          [rule.at],
          { rules: [rule.id] },
        ),
      )
    } else if (asOf && period?.from && period.from > asOf) {
      findings.push(
        finding(
          'rule_not_yet_in_force',
          'warning',
          `规则 ${rule.id} 自 ${period.from} 起才生效，晚于分析日期 ${asOf}（测试场景中最晚的收到日期）：现有的测试场景都测不到它。请加一个收到日期在 ${period.from} 之后的场景，或核对生效日期。`,
          `rule ${rule.id} applies only from ${period.from}, after the analysis date ${asOf} (the latest scenario date), so no scenario tests it. Add a scenario received on or after ${period.from}, or check the date.`,
          [rule.at],
          { rules: [rule.id] },
        ),
      )
    }
    const { terms, complete } = termsOf(rule.when, vocab)
    const reasons = terms.map((t) => contradiction(t, appliesToOf(rule)))
    if (complete && reasons.every((r) => r !== undefined)) {
      findings.push(
        finding(
          'rule_unsatisfiable',
          'warning',
          `规则 ${rule.id} 的条件自相矛盾，永远不会命中：${reasons[0]!.split(' / ')[0]}。请检查 containsAny 与 notContainsAny 是否用反了，或 appliesTo 与条件是否冲突。`,
          `the condition of rule ${rule.id} can never hold: ${reasons[0]!.split(' / ')[1] ?? reasons[0]}. Check whether containsAny and notContainsAny are swapped, or appliesTo contradicts the condition.`,
          [rule.at],
          { rules: [rule.id] },
        ),
      )
    }
  }
  return findings
}

/** Every vocabulary name referred to by a rule or a meeting check. */
export function referencedVocabularies(ruleSet: RuleSet): Set<string> {
  const names = new Set<string>()
  for (const rule of allRules(ruleSet)) for (const n of vocabulariesOf(rule.when)) names.add(n)
  for (const check of ruleSet.meetingProcedure?.checks ?? []) for (const n of vocabulariesOf(check.when)) names.add(n)
  return names
}

export function unusedVocabularies(ruleSet: RuleSet): Finding[] {
  const used = referencedVocabularies(ruleSet)
  return Object.values(ruleSet.vocabularies)
    .filter((v) => !used.has(v.name))
    .map((v) =>
      finding(
        'vocabulary_unused',
        'warning',
        `关键词表「${v.name}」没有任何规则引用，其中的 ${v.keywords.length} 个关键词不起作用。请在规则条件中引用它（value: ${v.name}），或删除它。`,
        `vocabulary "${v.name}" is referred to by no rule, so its ${v.keywords.length} keywords do nothing. Use it in a condition or delete it.`,
        [v.at],
      ),
    )
}

/**
 * The vocabularies a rule forbids outright: `notContainsAny` on the text at the top of its `all`. A keyword in one of
 * them can never fire the rule, whatever else the rule requires.
 */
function forbiddenVocabularies(when: unknown): string[] {
  const all = (when as { all?: unknown[] } | undefined)?.all
  if (!Array.isArray(all)) return []
  const names: string[] = []
  for (const c of all) {
    const leaf = c as { fact?: unknown; operator?: unknown; value?: unknown }
    if (leaf.fact === 'text' && leaf.operator === 'notContainsAny' && typeof leaf.value === 'string') names.push(leaf.value)
  }
  return names
}

/** Keywords listed in two vocabularies that competing lead rules (of different sections) require. */
export function sharedKeywords(ruleSet: RuleSet): Finding[] {
  const vocab = vocabularyLookup(ruleSet.vocabularies)
  const users = new Map<string, RoutingRule[]>()
  const forbids = new Map<RoutingRule, Set<string>>()
  for (const rule of ruleSet.routingRules.filter((r) => r.role === 'lead')) {
    const required = new Set(termsOf(rule.when, vocab).terms.flatMap((t) => t.require.map((g) => g.label)))
    for (const name of required) if (ruleSet.vocabularies[name]) users.set(name, [...(users.get(name) ?? []), rule])
    forbids.set(rule, new Set(forbiddenVocabularies(rule.when).flatMap((n) => ruleSet.vocabularies[n]?.keywords ?? [])))
  }
  // A rule that forbids the keyword itself (「困人」 required through 特种设备 but excluded through 特种设备安全说法) is not
  // fired by it, so it does not compete for it.
  const firedBy = (rule: RoutingRule, keyword: string) => !forbids.get(rule)!.has(keyword)
  const owners = new Map<string, string[]>()
  for (const v of Object.values(ruleSet.vocabularies)) for (const k of v.keywords) owners.set(k, [...(owners.get(k) ?? []), v.name])
  const findings: Finding[] = []
  for (const [keyword, names] of owners) {
    if (names.length < 2) continue
    const competing: [RoutingRule, RoutingRule][] = []
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++)
        for (const a of users.get(names[i]!) ?? []) for (const b of users.get(names[j]!) ?? []) if (a.section !== b.section && firedBy(a, keyword) && firedBy(b, keyword)) competing.push([a, b])
    if (competing.length === 0) continue
    const rules = [...new Set(competing.flatMap(([a, b]) => [a.id, b.id]))]
    const vocabularies = names.map((n) => ruleSet.vocabularies[n]!)
    findings.push(
      finding(
        'keyword_shared',
        'warning',
        `关键词「${keyword}」同时在关键词表 ${names.map((n) => `「${n}」`).join('、')} 里，而这些表分别是不同股室主办规则（${list(rules)}）的命中条件：含这个词的投诉会同时触发它们，只能靠优先级区分。请让这个词只留在一个表里。`,
        `keyword "${keyword}" is in the vocabularies ${names.join(', ')}, which lead rules of different sections require (${listEn(rules)}); a complaint with it fires them all and only priority separates them. Keep the keyword in one vocabulary.`,
        vocabularies.map((v) => v.at),
        { rules },
      ),
    )
  }
  return findings
}
