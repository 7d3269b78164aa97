/**
 * The legal order of a routing decision, from the rules that fired: intake (who registers the case) →
 * screening (not accepted, or another county's; a rule written `unlessDutyMatches` gives way to a
 * specific duty of this bureau) → routing (lead and assisting sections) → confidence. Shared by every
 * evaluator, so the reference path (json-rules-engine) and the compiled path decide identically from the
 * same hits. The evaluator says which rules fired and supplies each fired rule's evidence (keywords,
 * facts) and, with `{ explain: true }`, every condition's result. The lookups prepared once per rule set
 * (rule metadata, resolved citations) are `preparedRules.ts`.
 */
import type { Citation } from '../ruleset/types.js'
import type { RoutingRule, ScreeningRule } from './ruleSet.js'
import type { RoutingRuleSet as RuleSet } from './ruleSet.js'
import type { SectionId } from '../sections.js'
import { TOGETHER_JOIN } from '../conditions/operators.js'
import type { Complaint } from './complaintInput.js'
import { evidenceOf, resolvePath, type Facts } from './explainCondition.js'
import { referenceEvaluation, type Evaluation, type Evidence, type Stage } from './evaluation.js'
import { copyCitation, KIND_BITS, metaApplies, PreparedRules, type ResolvedCite, type RuleMeta } from './preparedRules.js'
import type { RoutingDecision, RoutingWarning, RuleHit, RuleEffect, RouteOptions, SectionRef } from './types.js'
import { classifierFor } from './categories/classifierFor.js'
import { UNCLASSIFIED, type DecisionCategory } from './categories/types.js'
import { assessConfidenceWith, type JoinedReasons } from './confidence/assessConfidence.js'
import { DEFAULT_CONFIDENCE } from './confidence/defaults.js'
import { SimilarCasesCheck, type SimilarLeaning, type SimilarVerdict } from './learned/similarCases.js'
import { ScreeningHints } from './screeningHints.js'

export { referenceEvaluation, type Evaluation, type Evidence, type Stage } from './evaluation.js'
export { applies, inForce, sectionRef } from './preparedRules.js'

export type Decider = (
  complaint: Complaint,
  facts: Facts,
  /** The category `deriveFacts` found. */
  category: DecisionCategory,
  evaluation: Evaluation,
  factWarnings: readonly RoutingWarning[],
  options?: RouteOptions,
) => RoutingDecision

/**
 * Internal (not exported from the package): the option key of a lean decision, for `route --format
 * compact`. A lean decision has the same answers as the full one — disposition, intake, lead, assist,
 * `transfer.to`, `rejection.competentAuthority`, the category's id, the confidence level, the warning
 * codes, the fired rules in trace order — and leaves out what the compact line does not carry: the
 * citations (`basis` and each hit's `cites` are empty), `ruleSet`, the confidence reasons, the texts of
 * transfer and rejection reasons and of the `needs_review` warning; its category is not copied. A
 * symbol, so no caller's options (snapshotted plain data, symbol keys refused) can ask for it.
 * test/compact.test.ts proves that the compact line of a lean decision equals that of the full one.
 */
export const LEAN: unique symbol = Symbol('xiaobao.leanDecision')
export type DecideOptions = RouteOptions & { [LEAN]?: boolean }
const NO_TEXT = ''
const NO_EVIDENCE: Evidence = { keywords: [], facts: [] }
const NO_CITES: Citation[] = []

/**
 * Prepares `decide` for one rule set: citations resolved, rules sorted by priority, their periods and
 * kinds read once. The decisions it builds are fresh objects every time (citations are copied).
 */
export function createDecider(ruleSet: RuleSet): Decider {
  const decider = new PreparedDecider(ruleSet)
  return (complaint, facts, category, evaluation, factWarnings, options) => decider.decide(complaint, facts, category, evaluation, factWarnings, options)
}

/** The per-complaint state of one decision. */
interface Run {
  evaluation: Evaluation
  explain: boolean
  kind: number
  on: string
  /** A lean decision (see `LEAN`). */
  lean: boolean
  notFired: NonNullable<RoutingDecision['notFired']>
}

/**
 * A class rather than closures: one decision creates no functions (closures made per call cost, and
 * more so under tools that wrap each one to keep its name).
 */
class PreparedDecider {
  private readonly prepared: PreparedRules
  /** Scratch for `pick`: the fired rules' places in priority order, sorted. */
  private readonly ranks: Int32Array
  /** The learned review warning (src/routing/learned/), when the rule set has a model. */
  private readonly similar: SimilarCasesCheck | undefined
  /** The screening rule whose texts a learned rejection uses, per kind (the model file's `learnedReject.rules`). */
  private readonly rejectAs: Partial<Record<string, RuleMeta>> = {}
  /** The screening rules' hints: questions for the clerk where a rule's fact was not given (`screening_hint`). */
  private readonly hints: ScreeningHints

  constructor(private readonly ruleSet: RuleSet) {
    this.prepared = new PreparedRules(ruleSet)
    this.hints = new ScreeningHints(ruleSet, this.prepared.meta.screening)
    const sections = ruleSet.sections as Record<string, unknown>
    this.similar = ruleSet.routingModel ? new SimilarCasesCheck(ruleSet.routingModel, (id) => (sections[id] !== undefined ? this.prepared.section(id as SectionId) : undefined)) : undefined
    const rejectRules = ruleSet.routingModel?.enabled ? ruleSet.routingModel.learnedReject?.rules : undefined
    if (rejectRules) {
      for (const [kind, id] of Object.entries(rejectRules)) {
        const meta = this.prepared.meta.screening.find((rule) => rule.id === id)
        if (meta && (this.prepared.rules.screening[meta.index] as ScreeningRule).outcome === 'reject') this.rejectAs[kind] = meta
      }
    }
    this.ranks = new Int32Array(Math.max(ruleSet.intakeRules.length, ruleSet.screeningRules.length, ruleSet.routingRules.length))
  }

  /** The rules of `stage` in force for this complaint that fired, highest priority first. */
  private pick(stage: Stage, run: Run): RuleMeta[] {
    const ordered = this.prepared.byPriorityOrder[stage]
    const count = run.evaluation.firedCount?.(stage)
    // With the fired rules counted, the list is made at its size (an empty list grown by push reserves
    // room for sixteen) and cut to the rules in force.
    const out: RuleMeta[] = count === undefined || count === 0 ? [] : new Array(count)
    const all = count === undefined ? run.evaluation.firedAll?.(stage) : undefined
    if (count !== undefined) {
      // The few rules that fired, put in priority order by their place in it.
      const fired = run.evaluation.firedIndexes!(stage)
      const rank = this.prepared.priorityRank[stage]
      const ranks = this.ranks
      for (let k = 0; k < count; k++) {
        const r = rank[fired[k]!]!
        let j = k
        while (j > 0 && ranks[j - 1]! > r) {
          ranks[j] = ranks[j - 1]!
          j--
        }
        ranks[j] = r
      }
      let n = 0
      for (let k = 0; k < count; k++) {
        const rule = ordered[ranks[k]!]!
        if (metaApplies(rule, run.kind, run.on)) out[n++] = rule
      }
      if (n < count) out.length = n
    } else if (all) {
      // The whole stage's answers at once: most rules did not fire, and that is one array read.
      const indexes = this.prepared.priorityIndexes[stage]
      for (let i = 0; i < indexes.length; i++) {
        if (all[indexes[i]!] !== 1) continue
        const rule = ordered[i]!
        if (metaApplies(rule, run.kind, run.on)) out.push(rule)
      }
    } else {
      for (let i = 0; i < ordered.length; i++) {
        const rule = ordered[i]!
        if (metaApplies(rule, run.kind, run.on) && run.evaluation.fired(stage, rule.index)) out.push(rule)
      }
    }
    if (run.explain) {
      for (const rule of this.prepared.meta[stage]) {
        if (metaApplies(rule, run.kind, run.on) && !run.evaluation.fired(stage, rule.index)) {
          run.notFired.push({ rule: rule.id, stage, conditions: run.evaluation.explain(stage, rule.index), at: rule.at })
        }
      }
    }
    return out
  }

  private hit(stage: Stage, rule: RuleMeta, effect: RuleEffect, withSection: boolean, run: Run): RuleHit {
    const conditions = run.explain ? run.evaluation.explain(stage, rule.index) : undefined
    // A lean decision needs the evidence only where its confidence reads it: the deciding screening rule,
    // the lead rule and the lead rules it outranked (assessConfidence.ts).
    const { keywords, facts } = conditions
      ? evidenceOf(conditions)
      : !run.lean || effect === 'lead' || effect === 'outranked' || effect === 'reject' || effect === 'transfer'
        ? run.evaluation.evidence(stage, rule.index, !run.lean)
        : NO_EVIDENCE
    const { id, priority, at, role } = rule
    const own = rule.ownCites
    // A lean decision is never handed out: its hits share one empty list.
    // A rule cites one or two articles: the list made at its size (an empty list grown by push reserves
    // room for sixteen).
    const cites: Citation[] = run.lean
      ? NO_CITES
      : own.length === 1
        ? [copyCitation(own[0]!)]
        : own.length === 2
          ? [copyCitation(own[0]!), copyCitation(own[1]!)]
          : copyCitations(own)
    // Literal shapes rather than spreads: V8 keeps them fast objects, which JSON.stringify walks quickly.
    let result: RuleHit
    if (withSection && rule.section !== undefined) {
      const section: SectionRef = { id: rule.section, name: rule.sectionName }
      result = role
        ? { rule: id, stage, effect, section, role, priority, cites, keywords, facts, at }
        : { rule: id, stage, effect, section, priority, cites, keywords, facts, at }
    } else {
      result = { rule: id, stage, effect, priority, cites, keywords, facts, at }
    }
    if (conditions) result.conditions = conditions
    return result
  }

  /**
   * How strongly a specific duty matches: the most keyword mentions (every occurrence in the text of the
   * keywords a specific, non-general lead rule fired on) of any such rule. 「电梯」 five times is what the
   * complaint is about; one 「网购」 in passing is not.
   */
  private strongestDuty(hits: readonly RuleMeta[], run: Run, text: string): number {
    let most = 0
    for (const rule of hits) {
      if (rule.role !== 'lead' || rule.general) continue
      const distinct = new Set<string>()
      for (const found of run.evaluation.evidence('routing', rule.index).keywords) for (const word of found.keywords) distinct.add(word)
      let mentions = 0
      const plain: string[] = []
      for (const word of distinct) {
        if (word.includes(TOGETHER_JOIN)) mentions += togetherMentions(word, text)
        else plain.push(word)
      }
      mentions += stretches(plain, text)
      if (mentions > most) most = mentions
    }
    return most
  }

  decide(complaint: Complaint, facts: Facts, found: DecisionCategory, evaluation: Evaluation, factWarnings: readonly RoutingWarning[], options: DecideOptions = {}): RoutingDecision {
    const { ruleSet } = this
    const lean = options[LEAN] === true
    const run: Run = { evaluation, explain: options.explain === true, kind: KIND_BITS[complaint.kind] ?? 0, on: complaint.receivedOn, lean, notFired: [] }
    const warnings = factWarnings.slice()
    const trace: RuleHit[] = []
    const basis: ResolvedCite[][] = []

    // Intake: who registers the case (seq 4 items 1 and 4; seq 6 item 1).
    const intakeHits = this.pick('intake', run)
    let intake: SectionRef
    if (intakeHits.length > 0) {
      intake = { id: intakeHits[0]!.section!, name: intakeHits[0]!.sectionName }
      trace.push(this.hit('intake', intakeHits[0]!, 'intake', true, run))
      basis.push(intakeHits[0]!.cites)
      for (let k = 1; k < intakeHits.length; k++) trace.push(this.hit('intake', intakeHits[k]!, 'superseded', true, run))
    } else {
      intake = this.prepared.section(ruleSet.fallback.section)
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
    // (Loops rather than some/filter with arrow functions: no closure per complaint.)
    let mayYield = false
    for (const rule of screeningHits) if (rule.unlessDuty) mayYield = true
    let specificLead = false
    if (mayYield) for (const rule of routingHits) if (rule.role === 'lead' && !rule.general) specificLead = true
    if (specificLead) {
      // The strongest duty: the most keyword mentions any specific lead rule rests on (counted only when a
      // screening rule asks for a minimum, `unlessDutyMatches: { minMentions }`).
      let strongest = -1
      const kept: RuleMeta[] = []
      for (const rule of screeningHits) {
        if (rule.unlessDuty && rule.unlessDutyMinMentions > 0 && strongest < 0) strongest = this.strongestDuty(routingHits, run, String(facts.text ?? ''))
        const yields = rule.unlessDuty && (rule.unlessDutyMinMentions === 0 || strongest >= rule.unlessDutyMinMentions)
        ;(yields ? yielded : kept).push(rule)
      }
      screeningHits = kept
    }
    // Not accepted or another county's (kept apart: the common routed path stays small and stable for the JIT).
    if (screeningHits.length > 0) return this.screened(complaint, facts, found, run, screeningHits, yielded, routingHits, intake, warnings, trace, basis)

    // Routing: lead and assisting sections.
    if (yielded.length > 0) this.yieldedTo(found, run, yielded, warnings, trace)
    let winner: RuleMeta | undefined
    for (const rule of routingHits) {
      if (rule.role === 'lead') {
        winner = rule
        break
      }
    }
    let lead: SectionRef
    // Where the lead's citations go in `basis` (the learned model may put another lead's there).
    const leadBasisAt = basis.length
    if (winner) {
      lead = { id: winner.section!, name: winner.sectionName }
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
      lead = this.prepared.section(ruleSet.fallback.section)
      basis.push(this.prepared.fallbackCites)
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
        if (rule.role === 'lead' && (this.prepared.rules.routing[rule.index] as RoutingRule).whenOutranked === 'drop') continue
        if (!assistIds.includes(rule.section!)) assistIds.push(rule.section!)
        basis.push(rule.cites)
      }
    }
    // The learned model: a warning, or — sure enough, and another section — the lead (`learned_lead`); what it may
    // ask of the rules' own decision is `RulesAsked` (below).
    const rejectAs = this.rejectAs[complaint.kind]
    // The model may make it a rejection only where the rules are unsure of their own decision, no
    // out-of-scope rule gave way to a duty of this bureau (then the rules saw both, and chose the duty:
    // issue 10 item 4), and the model file names a rejecting rule for this kind of matter.
    const mayReject = yielded.length === 0 && rejectAs !== undefined && metaApplies(rejectAs, run.kind, run.on)
    // A lead rule that says `learnedMayOverride: false` is a written reading the model may not replace (only warn).
    const settledBy = winner !== undefined && (this.prepared.rules.routing[winner.index] as RoutingRule).learnedMayOverride === false ? winner.id : undefined
    const asked = new RulesAsked(this.ruleSet, this.prepared, { intake, lead, assistIds, trace, warnings, found, facts, settledBy }, mayReject)
    const verdict = this.similar?.review('route', lead, String(facts.text ?? ''), String(facts.respondentName ?? ''), lean, winner === undefined, asked)
    if (verdict?.reject && verdict.warning) return this.rejectedByModel(complaint, found, run, rejectAs!, intake, warnings, trace, basis, leadBasisAt, verdict.warning)
    if (verdict?.lead) lead = this.ledByModel(verdict.lead, lead, winner, assistIds, basis, leadBasisAt, warnings, trace)
    if (assistIds.length > 1) this.prepared.sortBySectionSeq(assistIds)
    const assist: SectionRef[] = []
    for (const id of assistIds) assist.push(this.prepared.section(id))
    const disposition = 'route'
    const cites = lean ? [] : this.prepared.citations(basis)
    const decision: RoutingDecision =
      complaint.id !== undefined
        ? { id: complaint.id, disposition, intake, lead, assist, basis: cites, trace, warnings }
        : { disposition, intake, lead, assist, basis: cites, trace, warnings }
    decision.category = categoryOf(found, facts, this.ruleSet, lead.id)
    if (!lean) decision.ruleSet = { ...this.ruleSet.provenance }
    if (verdict?.warning) warnings.push(verdict.warning)
    this.hints.check(facts, run.kind, run.on, evaluation, warnings)
    this.assess(decision, lean, found, verdict?.leaning, verdict?.agrees)
    if (run.explain) decision.notFired = run.notFired
    return decision
  }

  /** The decision when a screening rule decides: not accepted, or another county's. */
  private screened(
    complaint: Complaint,
    facts: Facts,
    found: DecisionCategory,
    run: Run,
    screeningHits: RuleMeta[],
    yielded: RuleMeta[],
    routingHits: RuleMeta[],
    intake: SectionRef,
    warnings: RoutingWarning[],
    trace: RuleHit[],
    basis: ResolvedCite[][],
  ): RoutingDecision {
    const deciding = this.prepared.rules.screening[screeningHits[0]!.index] as ScreeningRule
    trace.push(this.hit('screening', screeningHits[0]!, deciding.outcome, false, run))
    for (let k = 1; k < screeningHits.length; k++) trace.push(this.hit('screening', screeningHits[k]!, 'superseded', false, run))
    for (const rule of yielded) trace.push(this.hit('screening', rule, 'superseded', false, run))
    // Routing rules that fired are still shown, to explain what the case is about.
    for (const rule of routingHits) trace.push(this.hit('routing', rule, 'superseded', true, run))
    basis.push(screeningHits[0]!.cites)
    const lean = run.lean
    const decision = this.notRouted(complaint, deciding.outcome, intake, found, basis, trace, warnings, lean)
    if (deciding.outcome === 'transfer') {
      const to = String(resolvePath(facts[deciding.transferTo!.fact], deciding.transferTo!.path) ?? '')
      if (lean) decision.transfer = { to, reason: NO_TEXT, reasonEn: NO_TEXT }
      else decision.transfer = {
        to,
        reason: deciding.reason.zh.replaceAll('{to}', to),
        reasonEn: deciding.reason.en.replaceAll('{to}', to),
        ...(deciding.action ? { action: deciding.action.zh.replaceAll('{to}', to), actionEn: deciding.action.en.replaceAll('{to}', to) } : {}),
      }
    } else {
      // A rule may leave the authority to the category (「不属本局的类别」 names who is competent).
      decision.rejection = rejectionOf(deciding, deciding.competentAuthority ?? found.outOfScope, lean)
    }
    const verdict = this.review(decision, facts, lean)
    this.assess(decision, lean, undefined, verdict?.leaning, verdict?.agrees)
    if (run.explain) decision.notFired = run.notFired
    return decision
  }

  /**
   * The learned review warning for a decision not routed (a rejection; transfers are not compared), after
   * the answer is made and before confidence is assessed: it adds a warning (and so lowers the confidence),
   * or says where the model leans (no warning; the confidence is then at most medium).
   */
  private review(decision: RoutingDecision, facts: Facts, lean: boolean): SimilarVerdict | undefined {
    if (this.similar === undefined) return undefined
    const verdict = this.similar.review(decision.disposition, decision.lead, String(facts.text ?? ''), String(facts.respondentName ?? ''), lean, false)
    if (verdict?.warning) decision.warnings.push(verdict.warning)
    return verdict
  }

  /** A decision with no lead (not accepted, or another county's): the citations of `basis`, the category as found. */
  private notRouted(complaint: Complaint, disposition: 'reject' | 'transfer', intake: SectionRef, found: DecisionCategory, basis: ResolvedCite[][], trace: RuleHit[], warnings: RoutingWarning[], lean: boolean): RoutingDecision {
    const lead = null
    const assist: SectionRef[] = []
    const cites = lean ? [] : this.prepared.citations(basis)
    const decision: RoutingDecision =
      complaint.id !== undefined
        ? { id: complaint.id, disposition, intake, lead, assist, basis: cites, trace, warnings }
        : { disposition, intake, lead, assist, basis: cites, trace, warnings }
    decision.category = found
    if (!lean) decision.ruleSet = { ...this.ruleSet.provenance }
    return decision
  }

  /**
   * The learned model makes a routed decision a rejection (`learned_reject`): the rules' routing hits stay in
   * the trace as superseded (they explain what the matter is about), their citations and the routing
   * warnings go, and the rejection says what the named screening rule says (its reason, action and
   * citations), with the category's competent authority or the model file's.
   */
  private rejectedByModel(complaint: Complaint, found: DecisionCategory, run: Run, rule: RuleMeta, intake: SectionRef, warnings: RoutingWarning[], trace: RuleHit[], basis: ResolvedCite[][], leadBasisAt: number, warning: RoutingWarning): RoutingDecision {
    for (const hit of trace) if (hit.stage === 'routing') hit.effect = 'superseded'
    basis.length = leadBasisAt
    basis.push(rule.cites)
    for (let i = warnings.length - 1; i >= 0; i--) if (warnings[i]!.code === 'no_specific_section' || warnings[i]!.code === 'lead_tie') warnings.splice(i, 1)
    warning.rules = [rule.id]
    warnings.push(warning)
    const lean = run.lean
    const decision = this.notRouted(complaint, 'reject', intake, found, basis, trace, warnings, lean)
    const deciding = this.prepared.rules.screening[rule.index] as ScreeningRule
    decision.rejection = rejectionOf(deciding, deciding.competentAuthority ?? found.outOfScope ?? this.ruleSet.routingModel!.learnedReject!.authority, lean)
    this.assess(decision, lean)
    if (run.explain) decision.notFired = run.notFired
    return decision
  }

  /**
   * The learned model's section leads (`learned_lead`): the rules' lead assists (with its citations, as
   * an outranked lead rule's section does) unless it was only the fallback, whose warning and citation
   * then go; the new lead's duty article is cited where the lead's citations were.
   */
  private ledByModel(to: SectionRef, rulesLead: SectionRef, winner: RuleMeta | undefined, assistIds: SectionId[], basis: ResolvedCite[][], leadBasisAt: number, warnings: RoutingWarning[], trace: RuleHit[]): SectionRef {
    const at = assistIds.indexOf(to.id as SectionId)
    if (at >= 0) assistIds.splice(at, 1)
    if (winner) {
      if (!assistIds.includes(rulesLead.id as SectionId)) assistIds.push(rulesLead.id as SectionId)
      for (const hit of trace) if (hit.stage === 'routing' && hit.effect === 'lead') hit.effect = 'outranked'
      basis.splice(leadBasisAt, 0, this.prepared.dutyCites(to.id as SectionId))
    } else {
      basis[leadBasisAt] = this.prepared.dutyCites(to.id as SectionId)
      const w = warnings.findIndex((x) => x.code === 'no_specific_section')
      if (w >= 0) warnings.splice(w, 1)
    }
    return to
  }

  /** The `possibly_out_of_scope` warning and trace entries for screening rules that gave way. */
  private yieldedTo(category: DecisionCategory, run: Run, yielded: RuleMeta[], warnings: RoutingWarning[], trace: RuleHit[]): void {
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

  /** Adds how sure the decision is; a low one asks for a person. */
  private assess(decision: RoutingDecision, lean: boolean, textCategory?: DecisionCategory, leaning?: SimilarLeaning, agrees?: number): void {
    // The reasons' messages joined, each without its final stop, for the needs_review warning.
    const joined: JoinedReasons | undefined = lean ? undefined : { zh: '', en: '', count: 0 }
    const { confidence, confidenceReasons } = assessConfidenceWith(decision, this.ruleSet.confidence ?? DEFAULT_CONFIDENCE, textCategory ?? decision.category, !lean, joined, leaning, agrees)
    decision.confidence = confidence
    if (lean) {
      if (confidence === 'low') decision.warnings.push({ code: 'needs_review', message: NO_TEXT, messageEn: NO_TEXT })
      return
    }
    decision.confidenceReasons = confidenceReasons
    if (confidence === 'low') {
      decision.warnings.push({
        code: 'needs_review',
        message: `分办把握不大（${joined!.zh}），请人工复核。`,
        messageEn: `low confidence (${joined!.en}); a person should review it.`,
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
  // The category deriveFacts finds, from the facts it made.
  const category = classifierFor(ruleSet)({ text: String(facts.text ?? ''), respondent: String(facts.respondentName ?? '') })
  return createDecider(ruleSet)(complaint, facts, category, evaluation, factWarnings, options)
}

/** Copies of `own`, in order. */
function copyCitations(own: readonly Citation[]): Citation[] {
  const out: Citation[] = []
  for (let i = 0; i < own.length; i++) out.push(copyCitation(own[i]!))
  return out
}

/** A rejection's text with the competent authority put in (a function, not a closure made per decision). */
function fillAuthority(text: string, authority: string | undefined): string {
  return authority ? text.replaceAll('{authority}', authority) : text
}

/** A rejection's texts from the rule that gives them, with the competent authority put in (a lean decision: none). */
function rejectionOf(rule: ScreeningRule, authority: string | undefined, lean: boolean): NonNullable<RoutingDecision['rejection']> {
  if (lean) return authority ? { reason: NO_TEXT, reasonEn: NO_TEXT, competentAuthority: authority } : { reason: NO_TEXT, reasonEn: NO_TEXT }
  return {
    reason: fillAuthority(rule.reason.zh, authority),
    reasonEn: fillAuthority(rule.reason.en, authority),
    ...(authority ? { competentAuthority: authority } : {}),
    ...(rule.action ? { action: fillAuthority(rule.action.zh, authority), actionEn: fillAuthority(rule.action.en, authority) } : {}),
  }
}

/** The category `deriveFacts` classified, as a fresh object for the decision. */
function categoryOf(given: DecisionCategory, facts: Facts, ruleSet: RuleSet, lead: SectionId): DecisionCategory {
  let found = given
  // Routed: name the lead's goods or service when the text has any word of it (the shop is not the goods).
  if (!(found.sections?.includes(lead) ?? false) && found.id !== UNCLASSIFIED.id) {
    found = classifierFor(ruleSet)({ text: String(facts.text ?? ''), respondent: String(facts.respondentName ?? ''), lead, preferLead: true })
  }
  // The classifier makes a fresh category (its parent, terms and sections included) on every call, and
  // nothing else keeps it: the decision takes it as it is, not a copy.
  return found
}

/** How often a word occurs in the text (non-overlapping). */
function occurrences(word: string, text: string): number {
  let n = 0
  for (let at = text.indexOf(word); at >= 0 && word.length > 0; at = text.indexOf(word, at + word.length)) n++
  return n
}

/**
 * How many times the words are mentioned: the stretches of text their occurrences cover, overlapping ones
 * counted once — 「没有营业执照」 is one mention, not three (营业执照, 执照 and 没有营业执照 are all keywords).
 */
function stretches(words: readonly string[], text: string): number {
  // Each word's occurrences are taken as `occurrences` counts them (non-overlapping), so one word alone is its count.
  if (words.length === 1) return occurrences(words[0]!, text)
  const spans: [number, number][] = []
  for (const word of words) {
    if (word.length === 0) continue
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) spans.push([at, at + word.length])
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  let n = 0
  let end = -1
  for (const [from, to] of spans) {
    if (from >= end) {
      n++
      end = to
    } else if (to > end) end = to
  }
  return n
}

/**
 * A together term's mentions: it was found, so at least one; as many as its rarest term occurs (「医用…口罩」
 * said twice counts twice). Its label 「医用…口罩」 never occurs in the text as such.
 */
function togetherMentions(label: string, text: string): number {
  let least = Infinity
  for (const term of label.split(TOGETHER_JOIN)) least = Math.min(least, occurrences(term, text))
  return least === Infinity ? 1 : Math.max(1, least)
}

/** The rules' routed decision as it stands when the learned model is asked (the rules' lead, before any model lead). */
interface RoutedSoFar {
  readonly intake: SectionRef
  readonly lead: SectionRef
  readonly assistIds: readonly SectionId[]
  readonly trace: RuleHit[]
  readonly warnings: RoutingWarning[]
  readonly found: DecisionCategory
  readonly facts: Facts
  /** The lead rule's id where it says `learnedMayOverride: false`. */
  readonly settledBy: string | undefined
}

/**
 * What the learned model may ask of the rules' own routed decision (`SimilarCasesCheck.review`): whether the
 * rules are unsure of it — the decision assessed as it stands, before the model has a say — and so whether the
 * model may lead from the lower unsure threshold (never with the fallback section, which would drop the specific
 * evidence the rules did find, nor with a section the rules already have assisting: they saw its duty and ranked
 * it second) or reject — and whether the rule that gave the lead is a written reading (`learnedMayOverride: false`),
 * which the model may not replace at all. One object per routed decision instead of closures; the assessment is made
 * at most once, and only where the model's answer makes it matter.
 */
class RulesAsked {
  private unsureOnce: boolean | undefined
  constructor(
    private readonly ruleSet: RuleSet,
    private readonly prepared: PreparedRules,
    private readonly soFar: RoutedSoFar,
    private readonly mayReject: boolean,
  ) {}

  private unsure(): boolean {
    if (this.unsureOnce === undefined) {
      const { intake, lead, assistIds, trace, warnings, found, facts } = this.soFar
      const assist: SectionRef[] = []
      for (const id of assistIds) assist.push(this.prepared.section(id))
      const provisional: RoutingDecision = { disposition: 'route', intake, lead, assist, basis: [], trace, warnings }
      provisional.category = categoryOf(found, facts, this.ruleSet, lead.id)
      this.unsureOnce = assessConfidenceWith(provisional, this.ruleSet.confidence ?? DEFAULT_CONFIDENCE, found, false).confidence === 'low'
    }
    return this.unsureOnce
  }

  leadAllowed(to: string): boolean {
    return !(to === this.ruleSet.fallback.section || this.soFar.assistIds.includes(to as SectionId)) && this.unsure()
  }

  rejectAllowed(): boolean {
    return this.mayReject && this.unsure()
  }

  settledBy(): string | undefined {
    return this.soFar.settledBy
  }
}
