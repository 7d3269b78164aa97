/**
 * Turns the set of rules that fired into a routing decision. Shared by every evaluator, so the
 * reference path (json-rules-engine) and any faster path decide identically from the same hits.
 */
import type { CitationRef } from '../ruleset/schemas.js'
import type { Citation, IntakeRule, RoutingRule, RuleSet, ScreeningRule } from '../ruleset/types.js'
import { resolveCitation } from '../ruleset/citations.js'
import type { SectionId } from '../sections.js'
import type { Complaint } from './complaintInput.js'
import { evidenceOf, explainCondition, resolvePath, type Facts } from './explainCondition.js'
import type { RoutingDecision, RoutingWarning, RuleHit, RuleEffect, RouteOptions, SectionRef } from './types.js'

type AnyRule = RoutingRule | IntakeRule | ScreeningRule

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

export function decide(
  ruleSet: RuleSet,
  complaint: Complaint,
  facts: Facts,
  fired: ReadonlySet<string>,
  factWarnings: RoutingWarning[],
  options: RouteOptions = {},
): RoutingDecision {
  const vocab = (name: string) => ruleSet.vocabularies[name]?.keywords
  const warnings = [...factWarnings]
  const trace: RuleHit[] = []
  const notFired: NonNullable<RoutingDecision['notFired']> = []
  const hit = (rule: AnyRule, stage: RuleHit['stage'], effect: RuleEffect, extra: Partial<RuleHit> = {}): RuleHit => {
    const conditions = explainCondition(rule.when, facts, vocab)
    const evidence = evidenceOf(conditions)
    return {
      rule: rule.id,
      stage,
      effect,
      ...extra,
      priority: rule.priority,
      cites: citations(ruleSet, rule.cites),
      keywords: evidence.keywords,
      facts: evidence.facts,
      at: rule.at,
      ...(options.explain ? { conditions } : {}),
    }
  }
  const pick = <R extends AnyRule>(rules: readonly R[], stage: RuleHit['stage']): R[] => {
    const out: R[] = []
    for (const rule of rules) {
      if (!applies(rule, complaint)) continue
      if (fired.has(rule.id)) out.push(rule)
      else if (options.explain) notFired.push({ rule: rule.id, stage, conditions: explainCondition(rule.when, facts, vocab), at: rule.at })
    }
    return out.sort(byPriority)
  }

  // Intake: who registers the case (seq 4 items 1 and 4; seq 6 item 1).
  const intakeHits = pick(ruleSet.intakeRules, 'intake')
  const intakeRule = intakeHits[0]
  let intake: SectionRef
  const basisRefs: CitationRef[] = []
  if (intakeRule) {
    intake = sectionRef(ruleSet, intakeRule.section)
    trace.push(hit(intakeRule, 'intake', 'intake', { section: intake }))
    basisRefs.push(...intakeRule.cites)
    for (const other of intakeHits.slice(1)) trace.push(hit(other, 'intake', 'superseded', { section: sectionRef(ruleSet, other.section) }))
  } else {
    intake = sectionRef(ruleSet, ruleSet.fallback.section)
    warnings.push({
      code: 'no_intake_rule',
      message: `没有受理规则适用于渠道 ${complaint.channel}，由兜底股室登记。请在 rules/intake.yaml 中补充。`,
      messageEn: `no intake rule covers channel ${complaint.channel}; the fallback section registers it. Add one to rules/intake.yaml.`,
    })
  }

  // Screening: not accepted, or belongs to another county.
  const screeningHits = pick(ruleSet.screeningRules, 'screening')
  const deciding = screeningHits[0]
  if (deciding) {
    trace.push(hit(deciding, 'screening', deciding.outcome))
    for (const other of screeningHits.slice(1)) trace.push(hit(other, 'screening', 'superseded'))
    // Routing rules that fired are still shown, to explain what the case is about.
    for (const rule of pick(ruleSet.routingRules, 'routing')) trace.push(hit(rule, 'routing', 'superseded', { section: sectionRef(ruleSet, rule.section), role: rule.role }))
    basisRefs.push(...deciding.cites)
    const decision: RoutingDecision = {
      ...(complaint.id !== undefined ? { id: complaint.id } : {}),
      disposition: deciding.outcome,
      intake,
      lead: null,
      assist: [],
      basis: citations(ruleSet, basisRefs),
      trace,
      warnings,
    }
    if (deciding.outcome === 'transfer') {
      const to = String(resolvePath(facts[deciding.transferTo!.fact], deciding.transferTo!.path) ?? '')
      decision.transfer = { to, reason: deciding.reason.zh.replaceAll('{to}', to), reasonEn: deciding.reason.en.replaceAll('{to}', to) }
    } else {
      decision.rejection = {
        reason: deciding.reason.zh,
        reasonEn: deciding.reason.en,
        ...(deciding.competentAuthority ? { competentAuthority: deciding.competentAuthority } : {}),
      }
    }
    if (options.explain) decision.notFired = notFired
    return decision
  }

  // Routing: lead and assisting sections.
  const routingHits = pick(ruleSet.routingRules, 'routing')
  const leads = routingHits.filter((r) => r.role === 'lead')
  const winner = leads[0]
  let lead: SectionRef
  if (winner) {
    lead = sectionRef(ruleSet, winner.section)
    basisRefs.push(...winner.cites)
    const tied = leads.filter((r) => r.priority === winner.priority && r.section !== winner.section)
    if (tied.length > 0) {
      const ids = [winner.id, ...tied.map((r) => r.id)]
      warnings.push({
        code: 'lead_tie',
        message: `主办规则 ${ids.join('、')} 优先级相同（${winner.priority}）且同时命中，按规则编号取 ${winner.id}（${lead.name}）主办。请法规人员调整优先级或关键词。`,
        messageEn: `lead rules ${ids.join(', ')} share priority ${winner.priority} and all fired; ${winner.id} (${lead.id}) leads by rule-id order. Legal staff should adjust priorities or keywords.`,
        rules: ids,
      })
    }
  } else {
    lead = sectionRef(ruleSet, ruleSet.fallback.section)
    basisRefs.push(...ruleSet.fallback.cites)
    warnings.push({
      code: 'no_specific_section',
      message: `没有命中具体股室的规则，按消费侵权投诉举报咨询的一般职责由${lead.name}主办。`,
      messageEn: `no specific section matched; ${lead.id} leads under the general duty for consumer-infringement complaints, reports and inquiries.`,
    })
  }
  const assistIds = new Set<SectionId>()
  for (const rule of routingHits) {
    const section = sectionRef(ruleSet, rule.section)
    if (rule === winner) {
      trace.push(hit(rule, 'routing', 'lead', { section, role: rule.role }))
    } else if (rule.section === lead.id) {
      trace.push(hit(rule, 'routing', 'superseded', { section, role: rule.role }))
    } else {
      const effect: RuleEffect = rule.role === 'lead' ? 'outranked' : 'assist'
      trace.push(hit(rule, 'routing', effect, { section, role: rule.role }))
      if (rule.role === 'lead' && rule.whenOutranked === 'drop') continue
      assistIds.add(rule.section)
      basisRefs.push(...rule.cites)
    }
  }
  const assist = [...assistIds]
    .sort((a, b) => (ruleSet.sections[a]?.seq ?? 99) - (ruleSet.sections[b]?.seq ?? 99))
    .map((id) => sectionRef(ruleSet, id))
  const decision: RoutingDecision = {
    ...(complaint.id !== undefined ? { id: complaint.id } : {}),
    disposition: 'route',
    intake,
    lead,
    assist,
    basis: citations(ruleSet, basisRefs),
    trace,
    warnings,
  }
  if (options.explain) decision.notFired = notFired
  return decision
}

function citations(ruleSet: RuleSet, refs: readonly CitationRef[]): Citation[] {
  const seen = new Set<string>()
  const out: Citation[] = []
  for (const ref of refs) {
    const key = `${ref.doc ?? 'implementation-measures'}:${ref.seq}:${ref.item ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    const citation = resolveCitation(ruleSet, ref)
    if (citation) out.push(citation)
  }
  return out
}
