/**
 * Turns the rules that fired into a routing decision. Shared by every evaluator, so the reference path
 * (json-rules-engine) and the compiled path decide identically from the same hits. The evaluator says
 * which rules fired and supplies each fired rule's evidence (keywords, facts) and, with
 * `{ explain: true }`, every condition's result.
 */
import type { CitationRef } from '../ruleset/schemas.js'
import type { Citation } from '../ruleset/types.js'
import type { IntakeRule, RoutingRule, ScreeningRule } from './ruleSet.js'
import type { RoutingRuleSet as RuleSet } from './ruleSet.js'
import { resolveCitation } from '../ruleset/citations.js'
import type { SectionId } from '../sections.js'
import type { Complaint } from './complaintInput.js'
import { evidenceOf, explainCondition, resolvePath, type ConditionTrace, type Facts, type VocabularyLookup } from './explainCondition.js'
import type { RoutingDecision, RoutingWarning, RuleHit, RuleEffect, RouteOptions, SectionRef } from './types.js'
import { CATEGORY_DETAIL } from './deriveFacts.js'
import { UNCLASSIFIED, type DecisionCategory } from './categories/types.js'
import { assessConfidence } from './confidence/assessConfidence.js'
import { DEFAULT_CONFIDENCE } from './confidence/schema.js'
import { vocabularyLookup } from '../conditions/operators.js'

type AnyRule = RoutingRule | IntakeRule | ScreeningRule

export type Stage = RuleHit['stage']

export type Evidence = ReturnType<typeof evidenceOf>

/**
 * What an evaluator tells `decide` about one complaint. Rules are named by stage and index in the rule
 * set's `intakeRules`, `screeningRules` and `routingRules`.
 */
export interface Evaluation {
  /** Whether the rule's condition holds. */
  fired(stage: Stage, index: number): boolean
  /** For a fired rule: the keywords and facts that made it fire (`evidenceOf` of its trace). */
  evidence(stage: Stage, index: number): Evidence
  /** Every condition's result (`explainCondition`). */
  explain(stage: Stage, index: number): ConditionTrace
}

export function inForce(rule: { effective?: { from?: string; to?: string } }, on: string): boolean {
  const period = rule.effective
  if (!period) return true
  return (!period.from || period.from <= on) && (!period.to || on <= period.to)
}

export function applies(rule: { appliesTo?: readonly string[]; effective?: { from?: string; to?: string } }, complaint: Complaint): boolean {
  return (!rule.appliesTo || rule.appliesTo.includes(complaint.kind)) && inForce(rule, complaint.receivedOn)
}

/** Higher priority first; equal priority by rule id, so ties break the same way every time. */
function byPriority(a: { priority: number; id: string }, b: { priority: number; id: string }) {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export function sectionRef(ruleSet: RuleSet, id: SectionId): SectionRef {
  return { id, name: ruleSet.sections[id]?.name ?? id }
}

/** The reference evaluation: a set of fired rule ids (from json-rules-engine), evidence from explainCondition. */
export function referenceEvaluation(ruleSet: RuleSet, facts: Facts, fired: ReadonlySet<string>): Evaluation {
  const vocab: VocabularyLookup = vocabularyLookup(ruleSet.vocabularies)
  const rules = stageRules(ruleSet)
  const explain = (stage: Stage, index: number) => explainCondition(rules[stage][index]!.when, facts, vocab)
  return {
    fired: (stage, index) => fired.has(rules[stage][index]!.id),
    evidence: (stage, index) => evidenceOf(explain(stage, index)),
    explain,
  }
}

function stageRules(ruleSet: RuleSet): Record<Stage, readonly AnyRule[]> {
  return { intake: ruleSet.intakeRules, screening: ruleSet.screeningRules, routing: ruleSet.routingRules }
}

/** A citation resolved once, with the key `citations()` de-duplicates by. */
interface ResolvedCite {
  key: string
  citation: Citation | undefined
}

/**
 * What the decider needs of a rule, in one object shape for every rule (the rules themselves come in
 * many shapes, and reading them in the hot loop is slow).
 */
interface RuleMeta {
  index: number
  id: string
  priority: number
  at: RoutingRule['at']
  /** Bits of the kinds it applies to: complaint 1, report 2, inquiry 4. */
  kinds: number
  /** Whether it has an effective period; then `from`/`to` ('' when open) bound `receivedOn`. */
  dated: boolean
  from: string
  to: string
  section: SectionId | undefined
  role: 'lead' | 'assist' | undefined
  cites: ResolvedCite[]
  /** `citations(ruleSet, rule.cites)`, resolved once; each hit gets copies. */
  ownCites: Citation[]
  /** Screening: gives way when a duty of this bureau matches too (`unlessDutyMatches`). */
  unlessDuty: boolean
  /** Routing: a general duty (`general: true`), which does not make a screening rule give way. */
  general: boolean
  /** Screening: the authority the rule names, if any. */
  authority: string | undefined
}

const KIND_BITS: Record<string, number> = { complaint: 1, report: 2, inquiry: 4 }

export type Decider = (
  complaint: Complaint,
  facts: Facts,
  evaluation: Evaluation,
  factWarnings: readonly RoutingWarning[],
  options?: RouteOptions,
) => RoutingDecision

/**
 * Prepares `decide` for one rule set: citations resolved, rules sorted by priority, their periods and
 * kinds read once. The decisions it builds are fresh objects every time (citations are copied).
 */
export function createDecider(ruleSet: RuleSet): Decider {
  const decider = new PreparedDecider(ruleSet)
  return (complaint, facts, evaluation, factWarnings, options) => decider.decide(complaint, facts, evaluation, factWarnings, options)
}

/** The per-complaint state of one decision. */
interface Run {
  evaluation: Evaluation
  explain: boolean
  kind: number
  on: string
  notFired: NonNullable<RoutingDecision['notFired']>
}

/**
 * A class rather than closures: one decision creates no functions (closures made per call cost, and
 * more so under tools that wrap each one to keep its name).
 */
class PreparedDecider {
  private readonly rules: Record<Stage, readonly AnyRule[]>
  private readonly resolved = new Map<string, ResolvedCite>()
  private readonly meta: Record<Stage, RuleMeta[]>
  /**
   * Fired rules are wanted highest priority first; sorting all rules once gives the same order as
   * sorting the fired ones each time (byPriority is a total order: ids are unique).
   */
  private readonly byPriorityOrder: Record<Stage, RuleMeta[]>
  private readonly fallbackCites: ResolvedCite[]
  private readonly sectionNames = new Map<string, string>()
  private readonly bySectionSeq: (a: SectionId, b: SectionId) => number

  constructor(private readonly ruleSet: RuleSet) {
    this.rules = stageRules(ruleSet)
    const metaOf = (rule: AnyRule, index: number): RuleMeta => ({
      index,
      id: rule.id,
      priority: rule.priority,
      at: rule.at,
      kinds: 'appliesTo' in rule && rule.appliesTo ? rule.appliesTo.reduce((bits, kind) => bits | (KIND_BITS[kind] ?? 0), 0) : 7,
      dated: rule.effective !== undefined,
      from: rule.effective?.from ?? '',
      to: rule.effective?.to ?? '',
      section: 'section' in rule ? rule.section : undefined,
      role: 'role' in rule ? rule.role : undefined,
      cites: rule.cites.map((ref) => this.resolve(ref)),
      ownCites: [],
      unlessDuty: 'unlessDutyMatches' in rule && rule.unlessDutyMatches === true,
      general: 'general' in rule && rule.general === true,
      authority: 'competentAuthority' in rule ? rule.competentAuthority : undefined,
    })
    this.meta = { intake: this.rules.intake.map(metaOf), screening: this.rules.screening.map(metaOf), routing: this.rules.routing.map(metaOf) }
    this.byPriorityOrder = {
      intake: [...this.meta.intake].sort(byPriority),
      screening: [...this.meta.screening].sort(byPriority),
      routing: [...this.meta.routing].sort(byPriority),
    }
    for (const stage of ['intake', 'screening', 'routing'] as const) for (const rule of this.meta[stage]) rule.ownCites = this.citations([rule.cites])
    this.fallbackCites = ruleSet.fallback.cites.map((ref) => this.resolve(ref))
    this.bySectionSeq = (a, b) => (ruleSet.sections[a]?.seq ?? 99) - (ruleSet.sections[b]?.seq ?? 99)
  }

  private resolve(ref: CitationRef): ResolvedCite {
    const key = `${ref.doc ?? 'implementation-measures'}:${ref.seq}:${ref.item ?? ''}`
    let entry = this.resolved.get(key)
    if (!entry) {
      entry = { key, citation: resolveCitation(this.ruleSet, ref) }
      this.resolved.set(key, entry)
    }
    return entry
  }

  private section(id: SectionId): SectionRef {
    let name = this.sectionNames.get(id)
    if (name === undefined) {
      name = sectionRef(this.ruleSet, id).name
      this.sectionNames.set(id, name)
    }
    return { id, name }
  }

  /** `citations(ruleSet, refs)`: de-duplicated, unresolvable ones left out, each a fresh object. */
  private citations(lists: readonly (readonly ResolvedCite[])[]): Citation[] {
    const out: Citation[] = []
    const seen: string[] = []
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l]!
      for (let i = 0; i < list.length; i++) {
        const { key, citation } = list[i]!
        if (seen.includes(key)) continue
        seen.push(key)
        if (citation) out.push({ ...citation })
      }
    }
    return out
  }

  /** `applies(rule, complaint)`: of the complaint's kind and in force on the day it was received. */
  private static inForce(rule: RuleMeta, run: Run): boolean {
    if ((rule.kinds & run.kind) === 0) return false
    return !rule.dated || ((!rule.from || rule.from <= run.on) && (!rule.to || run.on <= rule.to))
  }

  /** The rules of `stage` in force for this complaint that fired, highest priority first. */
  private pick(stage: Stage, run: Run): RuleMeta[] {
    const out: RuleMeta[] = []
    const ordered = this.byPriorityOrder[stage]
    for (let i = 0; i < ordered.length; i++) {
      const rule = ordered[i]!
      if (PreparedDecider.inForce(rule, run) && run.evaluation.fired(stage, rule.index)) out.push(rule)
    }
    if (run.explain) {
      for (const rule of this.meta[stage]) {
        if (PreparedDecider.inForce(rule, run) && !run.evaluation.fired(stage, rule.index)) {
          run.notFired.push({ rule: rule.id, stage, conditions: run.evaluation.explain(stage, rule.index), at: rule.at })
        }
      }
    }
    return out
  }

  private hit(stage: Stage, rule: RuleMeta, effect: RuleEffect, withSection: boolean, run: Run): RuleHit {
    const conditions = run.explain ? run.evaluation.explain(stage, rule.index) : undefined
    const { keywords, facts } = conditions ? evidenceOf(conditions) : run.evaluation.evidence(stage, rule.index)
    const { id, priority, at, role } = rule
    const own = rule.ownCites
    const cites: Citation[] = []
    for (let i = 0; i < own.length; i++) cites.push({ ...own[i]! })
    // Literal shapes rather than spreads: V8 keeps them fast objects, which JSON.stringify walks quickly.
    let result: RuleHit
    if (withSection && rule.section !== undefined) {
      const section = this.section(rule.section)
      result = role
        ? { rule: id, stage, effect, section, role, priority, cites, keywords, facts, at }
        : { rule: id, stage, effect, section, priority, cites, keywords, facts, at }
    } else {
      result = { rule: id, stage, effect, priority, cites, keywords, facts, at }
    }
    if (conditions) result.conditions = conditions
    return result
  }

  decide(complaint: Complaint, facts: Facts, evaluation: Evaluation, factWarnings: readonly RoutingWarning[], options: RouteOptions = {}): RoutingDecision {
    const { ruleSet } = this
    const run: Run = { evaluation, explain: options.explain === true, kind: KIND_BITS[complaint.kind] ?? 0, on: complaint.receivedOn, notFired: [] }
    const warnings = factWarnings.slice()
    const trace: RuleHit[] = []
    const basis: ResolvedCite[][] = []

    // Intake: who registers the case (seq 4 items 1 and 4; seq 6 item 1).
    const intakeHits = this.pick('intake', run)
    let intake: SectionRef
    if (intakeHits.length > 0) {
      intake = this.section(intakeHits[0]!.section!)
      trace.push(this.hit('intake', intakeHits[0]!, 'intake', true, run))
      basis.push(intakeHits[0]!.cites)
      for (let k = 1; k < intakeHits.length; k++) trace.push(this.hit('intake', intakeHits[k]!, 'superseded', true, run))
    } else {
      intake = this.section(ruleSet.fallback.section)
      warnings.push({
        code: 'no_intake_rule',
        message: `没有受理规则适用于渠道 ${complaint.channel}，由兜底股室登记。请在 rules/intake.yaml 中补充。`,
        messageEn: `no intake rule covers channel ${complaint.channel}; the fallback section registers it. Add one to rules/intake.yaml.`,
      })
    }

    // Screening: not accepted, or belongs to another county. A rule written `unlessDutyMatches: true`
    // rests on words that may be incidental (「存款」 on a barber's prepaid card): when a specific duty of
    // this bureau matches too, it gives way and the clerk is warned instead — wrongly refusing costs the
    // consumer the remedy, while a wrongly accepted matter can still be refused.
    const routingHits = this.pick('routing', run)
    let screeningHits = this.pick('screening', run)
    const yielded: RuleMeta[] = []
    if (screeningHits.some((rule) => rule.unlessDuty) && routingHits.some((rule) => rule.role === 'lead' && !rule.general)) {
      for (const rule of screeningHits) if (rule.unlessDuty) yielded.push(rule)
      screeningHits = screeningHits.filter((rule) => !rule.unlessDuty)
    }
    if (screeningHits.length > 0) {
      const deciding = this.rules.screening[screeningHits[0]!.index] as ScreeningRule
      trace.push(this.hit('screening', screeningHits[0]!, deciding.outcome, false, run))
      for (let k = 1; k < screeningHits.length; k++) trace.push(this.hit('screening', screeningHits[k]!, 'superseded', false, run))
      for (const rule of yielded) trace.push(this.hit('screening', rule, 'superseded', false, run))
      // Routing rules that fired are still shown, to explain what the case is about.
      for (const rule of routingHits) trace.push(this.hit('routing', rule, 'superseded', true, run))
      basis.push(screeningHits[0]!.cites)
      const disposition = deciding.outcome
      const lead = null
      const assist: SectionRef[] = []
      const cites = this.citations(basis)
      const decision: RoutingDecision =
        complaint.id !== undefined
          ? { id: complaint.id, disposition, intake, lead, assist, basis: cites, trace, warnings }
          : { disposition, intake, lead, assist, basis: cites, trace, warnings }
      decision.category = categoryOf(facts)
    decision.ruleSet = { ...this.ruleSet.provenance }
      if (deciding.outcome === 'transfer') {
        const to = String(resolvePath(facts[deciding.transferTo!.fact], deciding.transferTo!.path) ?? '')
        decision.transfer = {
          to,
          reason: deciding.reason.zh.replaceAll('{to}', to),
          reasonEn: deciding.reason.en.replaceAll('{to}', to),
          ...(deciding.action ? { action: deciding.action.zh.replaceAll('{to}', to), actionEn: deciding.action.en.replaceAll('{to}', to) } : {}),
        }
      } else {
        // A rule may leave the authority to the category (「不属本局的类别」 names who is competent).
        const authority = deciding.competentAuthority ?? decision.category.outOfScope
        const fill = (text: string) => (authority ? text.replaceAll('{authority}', authority) : text)
        decision.rejection = {
          reason: fill(deciding.reason.zh),
          reasonEn: fill(deciding.reason.en),
          ...(authority ? { competentAuthority: authority } : {}),
          ...(deciding.action ? { action: fill(deciding.action.zh), actionEn: fill(deciding.action.en) } : {}),
        }
      }
      this.assess(decision)
      if (run.explain) decision.notFired = run.notFired
      return decision
    }

    // Routing: lead and assisting sections.
    if (yielded.length > 0) {
      const category = categoryOf(facts)
      const authorities = [...new Set(yielded.map((rule) => rule.authority ?? category.outOfScope).filter((a): a is string => a !== undefined))]
      const who = authorities.length > 0 ? authorities.join('、') : '其他机关'
      const whoEn = authorities.length > 0 ? authorities.join(', ') : 'another authority'
      warnings.push({
        code: 'possibly_out_of_scope',
        message: `来件也涉及不属本局职责的事项（规则 ${yielded.map((r) => r.id).join('、')}，有权处理的是${who}），但同时符合本局股室的职责，已按本局职责分办。如来件实际只针对前者，应告知当事人向${who}提出。`,
        messageEn: `the matter also touches what is outside this bureau (rules ${yielded.map((r) => r.id).join(', ')}; competent: ${whoEn}), but a duty of this bureau matches too, so it is routed. If it is only about the former, tell the person to go to ${whoEn}.`,
        rules: yielded.map((r) => r.id),
      })
      for (const rule of yielded) trace.push(this.hit('screening', rule, 'yielded', false, run))
    }
    let winner: RuleMeta | undefined
    for (const rule of routingHits) {
      if (rule.role === 'lead') {
        winner = rule
        break
      }
    }
    let lead: SectionRef
    if (winner) {
      lead = this.section(winner.section!)
      basis.push(winner.cites)
      let tied: string[] | undefined
      for (const rule of routingHits) {
        if (rule.role === 'lead' && rule.priority === winner.priority && rule.section !== winner.section) (tied ??= [winner.id]).push(rule.id)
      }
      if (tied) {
        warnings.push({
          code: 'lead_tie',
          message: `主办规则 ${tied.join('、')} 优先级相同（${winner.priority}）且同时命中，按规则编号取 ${winner.id}（${lead.name}）主办。请法规人员调整优先级或关键词。`,
          messageEn: `lead rules ${tied.join(', ')} share priority ${winner.priority} and all fired; ${winner.id} (${lead.id}) leads by rule-id order. Legal staff should adjust priorities or keywords.`,
          rules: tied,
        })
      }
    } else {
      lead = this.section(ruleSet.fallback.section)
      basis.push(this.fallbackCites)
      warnings.push({
        code: 'no_specific_section',
        message: `没有命中具体股室的规则，按消费侵权投诉举报咨询的一般职责由${lead.name}主办。`,
        messageEn: `no specific section matched; ${lead.id} leads under the general duty for consumer-infringement complaints, reports and inquiries.`,
      })
    }
    const assistIds: SectionId[] = []
    for (const rule of routingHits) {
      if (rule === winner) {
        trace.push(this.hit('routing', rule, 'lead', true, run))
      } else if (rule.section === lead.id) {
        trace.push(this.hit('routing', rule, 'superseded', true, run))
      } else {
        const effect: RuleEffect = rule.role === 'lead' ? 'outranked' : 'assist'
        trace.push(this.hit('routing', rule, effect, true, run))
        if (rule.role === 'lead' && (this.rules.routing[rule.index] as RoutingRule).whenOutranked === 'drop') continue
        if (!assistIds.includes(rule.section!)) assistIds.push(rule.section!)
        basis.push(rule.cites)
      }
    }
    if (assistIds.length > 1) assistIds.sort(this.bySectionSeq)
    const assist: SectionRef[] = []
    for (const id of assistIds) assist.push(this.section(id))
    const disposition = 'route'
    const cites = this.citations(basis)
    const decision: RoutingDecision =
      complaint.id !== undefined
        ? { id: complaint.id, disposition, intake, lead, assist, basis: cites, trace, warnings }
        : { disposition, intake, lead, assist, basis: cites, trace, warnings }
    decision.category = categoryOf(facts)
    decision.ruleSet = { ...this.ruleSet.provenance }
    this.assess(decision)
    if (run.explain) decision.notFired = run.notFired
    return decision
  }

  /** Adds how sure the decision is; a low one asks for a person. */
  private assess(decision: RoutingDecision): void {
    const { confidence, confidenceReasons } = assessConfidence(decision, this.ruleSet.confidence ?? DEFAULT_CONFIDENCE)
    decision.confidence = confidence
    decision.confidenceReasons = confidenceReasons
    if (confidence === 'low') {
      decision.warnings.push({
        code: 'needs_review',
        message: `分办把握不大（${confidenceReasons.map((r) => r.message.replace(/。$/, '')).join('；')}），请人工复核。`,
        messageEn: `low confidence (${confidenceReasons.map((r) => r.messageEn.replace(/\.$/, '')).join('; ')}); a person should review it.`,
      })
    }
  }
}

/**
 * Decides one complaint (a convenience over `createDecider`, which an engine keeps and reuses).
 * `fired` may be the set of fired rule ids (json-rules-engine's answer) or an evaluator's `Evaluation`.
 */
export function decide(
  ruleSet: RuleSet,
  complaint: Complaint,
  facts: Facts,
  fired: ReadonlySet<string> | Evaluation,
  factWarnings: RoutingWarning[],
  options: RouteOptions = {},
): RoutingDecision {
  const evaluation = 'evidence' in fired ? fired : referenceEvaluation(ruleSet, facts, fired)
  return createDecider(ruleSet)(complaint, facts, evaluation, factWarnings, options)
}

/** The category `deriveFacts` classified, as a fresh object for the decision. */
function categoryOf(facts: Facts): DecisionCategory {
  const found = (facts as Record<string, unknown>)[CATEGORY_DETAIL] as DecisionCategory | undefined
  if (!found) return { ...UNCLASSIFIED, terms: [] }
  return {
    ...found,
    ...(found.parent ? { parent: { ...found.parent } } : {}),
    terms: found.terms.map((t) => ({ ...t })),
    ...(found.sections ? { sections: [...found.sections] } : {}),
  }
}
