/**
 * Collisions: two lead rules of different sections with the same priority that fire on one complaint.
 * `decide` then picks the lead by rule id (warning `lead_tie`) — an accident of naming, not a decision
 * of the bureau. Found in the scenarios, and in complaints built from the rules' own keyword lists.
 */
import { applies } from '../routing/preparedRules.js'
import { COMPLAINT_KINDS } from '../routing/schemas.js'
import { evidenceOf } from '../routing/explainCondition.js'
import type { ComplaintInput } from '../routing/complaintInput.js'
import type { RoutingRule } from '../routing/ruleSet.js'
import type { RuleSet } from '../capabilities.js'
import { AvoidDifference, AvoidIndex, buildText, contradiction, termsOf, type Term } from './keywordTerms.js'
import { allFire, routeSync, type RoutedComplaint } from './routeSync.js'
import type { CollisionExample } from './types.js'
import { vocabularyLookup } from '../conditions/operators.js'

const KINDS = COMPLAINT_KINDS

export interface Collision {
  rules: [RoutingRule, RoutingRule]
  example: CollisionExample
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

/** The keywords each rule found in the text. */
function keywordsOf(run: RoutedComplaint, ids: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const id of ids) {
    const trace = run.traces.get(id)
    out[id] = trace ? [...new Set(evidenceOf(trace).keywords.flatMap((k) => k.keywords))] : []
  }
  return out
}

/**
 * The lead rule that decided among the rules, and its section, from a routed complaint. Where the learned
 * model took the lead (`learned_lead`), the rules' winner is marked outranked (decide.ts `ledByModel`): it is the
 * one outranked hit of the section the warning names as the rules' lead (that section's other hits are superseded).
 */
export function winnerOf(run: RoutedComplaint): { rule: string; section: RoutingRule['section'] } | undefined {
  const { trace, warnings } = run.decision
  let hit = trace.find((h) => h.stage === 'routing' && h.effect === 'lead')
  if (hit === undefined) {
    const rulesLead = warnings.find((w) => w.code === 'learned_lead')?.similar?.rulesLead
    if (rulesLead) hit = trace.find((h) => h.stage === 'routing' && h.effect === 'outranked' && h.section?.id === rulesLead.id)
  }
  return hit && hit.section ? { rule: hit.rule, section: hit.section.id } : undefined
}

/** An example from a routed scenario complaint, when two of its lead rules tie. */
export function exampleFromRun(run: RoutedComplaint, input: ComplaintInput, ids: readonly string[], scenario?: string): CollisionExample | undefined {
  const winner = winnerOf(run)
  if (!winner) return undefined
  return {
    text: run.complaint.text,
    input,
    source: scenario ? 'scenario' : 'constructed',
    ...(scenario ? { scenario } : {}),
    winner: winner.rule,
    lead: winner.section,
    keywords: keywordsOf(run, ids),
  }
}

/** A day both rules are in force, as close to `asOf` as possible; `undefined` when they never overlap. */
function commonDay(a: RoutingRule, b: RoutingRule, asOf: string): string | undefined {
  const from = [a.effective?.from, b.effective?.from].filter((d): d is string => !!d).sort().at(-1)
  const to = [a.effective?.to, b.effective?.to].filter((d): d is string => !!d).sort()[0]
  if (from && to && from > to) return undefined
  if (from && asOf < from) return from
  if (to && asOf > to) return to
  return asOf
}

function uses(term: Term, facts: readonly string[]): boolean {
  return term.facts.some((l) => facts.includes(l.leaf.fact))
}

/** Complaint inputs to try for a text: the plainest first, varying only what the rules look at. */
function variants(ruleSet: RuleSet, term: Term, kinds: readonly string[], text: string, receivedOn: string): ComplaintInput[] {
  const own = ruleSet.bureau.county
  const respondents: ComplaintInput['respondent'][] = [{ county: own }]
  if (uses(term, ['online', 'inPlatform', 'respondent', 'platformCounty'])) {
    respondents.push({ county: own, online: true }, { county: own, platformOperator: { name: '某平台', county: own } })
  }
  const severities: (ComplaintInput['severity'] | undefined)[] = uses(term, ['severity']) ? [undefined, 'major'] : [undefined]
  const channels = new Set<string>(['12315-platform'])
  for (const l of term.facts) {
    if (l.leaf.fact !== 'channel') continue
    for (const v of Array.isArray(l.leaf.value) ? l.leaf.value : [l.leaf.value]) if (typeof v === 'string') channels.add(v)
  }
  const out: ComplaintInput[] = []
  for (const kind of kinds)
    for (const respondent of respondents)
      for (const severity of severities)
        for (const channel of channels)
          out.push({
            kind: kind as ComplaintInput['kind'],
            channel: channel as ComplaintInput['channel'],
            receivedOn,
            text,
            respondent,
            ...(kind === 'report' ? { occurredIn: own } : {}),
            ...(severity ? { severity } : {}),
          })
  return out
}

/** What every pair of a rule set shares: each lead rule's terms, and indexes of lead rules' keywords. */
interface PreparedLeads {
  terms(rule: RoutingRule): Term[]
  /** The required keywords of one lead rule. */
  ownKeywords(rule: RoutingRule): AvoidIndex
  /** The required keywords of every lead rule of at least this priority. */
  leadsFrom(priority: number): AvoidIndex
}

/** Kept for one analysis: `analyzeRuleSet` releases it when it returns (`releasePreparedLeads`). */
const preparedLeads = new WeakMap<RuleSet, PreparedLeads>()

export function releasePreparedLeads(ruleSet: RuleSet): void {
  preparedLeads.delete(ruleSet)
}

function preparedFor(ruleSet: RuleSet): PreparedLeads {
  const cached = preparedLeads.get(ruleSet)
  if (cached) return cached
  const vocab = vocabularyLookup(ruleSet.vocabularies)
  const terms = new Map<RoutingRule, Term[]>()
  const own = new Map<RoutingRule, AvoidIndex>()
  const from = new Map<number, AvoidIndex>()
  const termsOfRule = (rule: RoutingRule) => {
    let t = terms.get(rule)
    if (!t) terms.set(rule, (t = termsOf(rule.when, vocab).terms))
    return t
  }
  const keywordsOf = (rule: RoutingRule) => termsOfRule(rule).flatMap((t) => t.require.flatMap((g) => g.keywords))
  const prepared: PreparedLeads = {
    terms: termsOfRule,
    ownKeywords(rule) {
      let index = own.get(rule)
      if (!index) own.set(rule, (index = new AvoidIndex(keywordsOf(rule))))
      return index
    },
    leadsFrom(priority) {
      let index = from.get(priority)
      if (!index) from.set(priority, (index = new AvoidIndex(ruleSet.routingRules.filter((r) => r.role === 'lead' && r.priority >= priority).flatMap(keywordsOf))))
      return index
    },
  }
  preparedLeads.set(ruleSet, prepared)
  return prepared
}

/**
 * Tries to build a complaint on which both rules fire and tie at the top (no higher lead rule fires).
 * Returns the first one found, verified by routing it.
 */
export function constructCollision(ruleSet: RuleSet, a: RoutingRule, b: RoutingRule, asOf: string): CollisionExample | undefined {
  const kinds = KINDS.filter((k) => (!a.appliesTo || a.appliesTo.includes(k)) && (!b.appliesTo || b.appliesTo.includes(k)))
  if (kinds.length === 0) return undefined
  const day = commonDay(a, b, asOf)
  if (!day) return undefined
  const prepared = preparedFor(ruleSet)
  const termsA = prepared.terms(a)
  const termsB = prepared.terms(b)
  // Keywords of the other lead rules that would outrank or join the tie: steer the text away from them.
  const avoidIndex = new AvoidDifference(prepared.leadsFrom(a.priority), [prepared.ownKeywords(a), prepared.ownKeywords(b)])
  for (const ta of termsA) {
    for (const tb of termsB) {
      const term: Term = { require: [...ta.require, ...tb.require], forbid: [...ta.forbid, ...tb.forbid], facts: [...ta.facts, ...tb.facts] }
      if (contradiction(term)) continue
      const forbidden = term.forbid.flatMap((g) => g.keywords)
      const tried = new Set<string>()
      for (let skip = 0; skip < 4; skip++) {
        const built = buildText(term.require, forbidden, avoidIndex, skip)
        if (built === undefined) break
        const text = built || '消费问题'
        if (tried.has(text)) continue
        tried.add(text)
        for (const input of variants(ruleSet, term, kinds, text, day)) {
          if (!allFire(ruleSet, input, [a, b])) continue
          const routed = routeSync(ruleSet, input)
          if (!routed.ok) continue
          const run = routed.value
          if (run.decision.disposition !== 'route' || !run.fired.has(a.id) || !run.fired.has(b.id)) continue
          const top = Math.max(...ruleSet.routingRules.filter((r) => r.role === 'lead' && run.fired.has(r.id) && applies(r, run.complaint)).map((r) => r.priority))
          if (top !== a.priority) continue
          return exampleFromRun(run, input, [a.id, b.id])
        }
      }
    }
  }
  return undefined
}

/** Pairs of lead rules of different sections that share a priority: the candidates for a collision. */
export function equalPriorityPairs(ruleSet: RuleSet): [RoutingRule, RoutingRule][] {
  const leads = ruleSet.routingRules.filter((r) => r.role === 'lead')
  const pairs: [RoutingRule, RoutingRule][] = []
  for (let i = 0; i < leads.length; i++)
    for (let j = i + 1; j < leads.length; j++) {
      const a = leads[i]!, b = leads[j]!
      if (a.priority === b.priority && a.section !== b.section) pairs.push(a.id < b.id ? [a, b] : [b, a])
    }
  return pairs
}
