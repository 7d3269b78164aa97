/**
 * The learned fallback inside a decision (decide.ts calls `choose` once, where the rules fell back): when
 * the model suggests a lead, this adds its warning, its trace entry and its basis, and says which section
 * leads and which fallback section is kept as an assisting one.
 *
 * The fallback is kept, not dropped: the learned lead is a guess with no rule or keyword of its own, and
 * the fallback (consumer-protection's general duty, or the category's section) is what the rules' words
 * support — so a wrong guess is already with the section the rules would have chosen, and a reviewer only
 * swaps lead and assist (README, "the learned fallback").
 */
import type { Facts } from '../../conditions/evaluate.js'
import type { SectionId } from '../../sections.js'
import type { PreparedRules, ResolvedCite, RuleMeta } from '../preparedRules.js'
import type { RoutingRule, RoutingRuleSet } from '../ruleSet.js'
import type { RoutingWarning, RuleHit, SectionRef } from '../types.js'
import { generalDutyRule, learnedTraceHit, learnedWarning } from './learnedHit.js'
import { learnedLead } from './suggest.js'

export interface LearnedChoice {
  lead: SectionRef
  /** The section the rules fell back to, now assisting. */
  kept: SectionRef
}

export class LearnedLeads {
  /** Each section's general-duty cites, resolved once. */
  private readonly duties = new Map<SectionId, ResolvedCite[]>()
  /** Whether a model class is a section of this rule set (made once, not per complaint). */
  private readonly isSection: (id: string) => boolean

  constructor(
    private readonly ruleSet: RoutingRuleSet,
    private readonly prepared: PreparedRules,
  ) {
    const sections = ruleSet.sections as Record<string, unknown>
    this.isSection = (id) => sections[id] !== undefined
  }

  /** Only where the rules fell back: `winner` is no rule, or a category-level one (`byCategory: true`). */
  choose(winner: RuleMeta | undefined, facts: Facts, lean: boolean, explain: boolean, basis: ResolvedCite[][], warnings: RoutingWarning[], trace: RuleHit[]): LearnedChoice | undefined {
    if (winner && (this.prepared.rules.routing[winner.index] as RoutingRule).byCategory !== true) return undefined
    const fallback = winner ? winner.section! : this.ruleSet.fallback.section
    const learned = learnedLead(this.ruleSet.routingModel, String(facts.text ?? ''), String(facts.respondentName ?? ''), fallback, this.isSection)
    if (!learned) return undefined
    const lead = this.prepared.section(learned.section as SectionId)
    const kept = this.prepared.section(fallback)
    const duty = this.generalDuty(lead.id)
    basis.push(duty, winner ? winner.cites : this.prepared.fallbackCites)
    warnings.push(learnedWarning(lead, learned.p, kept, winner !== undefined))
    trace.push(learnedTraceHit(this.ruleSet, learned, lead, lean ? [] : this.prepared.citations([duty]), explain))
    return { lead, kept }
  }

  private generalDuty(section: SectionId): ResolvedCite[] {
    let cites = this.duties.get(section)
    if (cites === undefined) {
      const index = generalDutyRule(this.prepared.rules.routing as RoutingRule[], section)
      cites = index >= 0 ? this.prepared.meta.routing[index]!.cites : this.prepared.fallbackCites
      this.duties.set(section, cites)
    }
    return cites
  }
}
