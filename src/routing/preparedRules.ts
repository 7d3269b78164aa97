/**
 * The lookup structures a decider prepares once per rule set, so that a decision reads no rule's own
 * shape in its hot loop: each rule's metadata in one object shape, the rules of each stage sorted by
 * priority, every citation resolved once, section names. The legal order that uses them is `decide.ts`.
 */
import type { CitationRef } from '../ruleset/schemas.js'
import type { Citation } from '../ruleset/types.js'
import { resolveCitation } from '../ruleset/citations.js'
import type { SectionId } from '../sections.js'
import type { Complaint } from './complaintInput.js'
import { stageRules, type Stage } from './evaluation.js'
import type { IntakeRule, RoutingRule, RoutingRuleSet, ScreeningRule } from './ruleSet.js'
import type { SectionRef } from './types.js'

export type AnyRule = RoutingRule | IntakeRule | ScreeningRule

export function inForce(rule: { effective?: { from?: string; to?: string } }, on: string): boolean {
  const period = rule.effective
  if (!period) return true
  return (!period.from || period.from <= on) && (!period.to || on <= period.to)
}

export function applies(rule: { appliesTo?: readonly string[]; effective?: { from?: string; to?: string } }, complaint: Complaint): boolean {
  return (!rule.appliesTo || rule.appliesTo.includes(complaint.kind)) && inForce(rule, complaint.receivedOn)
}

export function sectionRef(ruleSet: RoutingRuleSet, id: SectionId): SectionRef {
  return { id, name: ruleSet.sections[id]?.name ?? id }
}

/** Higher priority first; equal priority by rule id, so ties break the same way every time. */
function byPriority(a: { priority: number; id: string }, b: { priority: number; id: string }) {
  return b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** A citation resolved once, with the key `citations()` de-duplicates by. */
export interface ResolvedCite {
  key: string
  citation: Citation | undefined
}

/**
 * `{ ...citation }` for the three shapes `resolveCitation` makes (no item; an item without a label; an
 * item with its label), written as literals: a decision copies several citations, and a literal of a
 * known shape is cheaper than a spread. preparedRules.test.ts checks it against the spread for every
 * citation of the shipped rules.
 */
export function copyCitation(c: Citation): Citation {
  if (c.item === undefined) return { doc: c.doc, seq: c.seq, printed: c.printed, text: c.text }
  if (c.label === undefined) return { doc: c.doc, seq: c.seq, printed: c.printed, item: c.item, text: c.text }
  return { doc: c.doc, seq: c.seq, printed: c.printed, item: c.item, label: c.label, text: c.text }
}

/**
 * The citations `PreparedRules.citations([cites])` copies, as they are: de-duplicated, unresolvable ones
 * left out. Kept apart from `citations()` on purpose: objects made once and kept for the rule set's life
 * must not come from the array literals a decision allocates, or V8 learns that those survive and
 * allocates every decision's citations in the old generation (pretenuring), where they are garbage
 * that only a full collection frees.
 */
function distinctCitations(list: readonly ResolvedCite[]): Citation[] {
  const out: Citation[] = []
  const seen = new Set<string>()
  for (const { key, citation } of list) {
    if (seen.has(key)) continue
    seen.add(key)
    if (citation) out.push(citation)
  }
  return out
}

/**
 * What the decider needs of a rule, in one object shape for every rule (the rules themselves come in
 * many shapes, and reading them in the hot loop is slow).
 */
export interface RuleMeta {
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
  /** The section's name, looked up once ('' without a section). */
  sectionName: string
  role: 'lead' | 'assist' | undefined
  cites: ResolvedCite[]
  /**
   * `citations(ruleSet, rule.cites)`, resolved once; each hit gets copies (these are the resolved
   * citations themselves, never handed out).
   */
  ownCites: Citation[]
  /** Screening: gives way when a duty of this bureau matches too (`unlessDutyMatches`). */
  unlessDuty: boolean
  /** Screening: how many keyword mentions that duty must rest on (`unlessDutyMatches: { minMentions }`; 0 for `true`). */
  unlessDutyMinMentions: number
  /** Routing: a general duty (`general: true`), which does not make a screening rule give way. */
  general: boolean
  /** Screening: the authority the rule names, if any. */
  authority: string | undefined
}

/** A complaint kind as the bit `RuleMeta.kinds` holds (0 for an unknown kind: no rule applies). */
export const KIND_BITS: Record<string, number> = { complaint: 1, report: 2, inquiry: 4 }

/** `applies(rule, complaint)` on the prepared metadata: of the complaint's kind (bit) and in force on `on`. */
export function metaApplies(rule: RuleMeta, kind: number, on: string): boolean {
  if ((rule.kinds & kind) === 0) return false
  return !rule.dated || ((!rule.from || rule.from <= on) && (!rule.to || on <= rule.to))
}

/**
 * A class rather than closures: one decision creates no functions (closures made per call cost, and
 * more so under tools that wrap each one to keep its name).
 */
export class PreparedRules {
  readonly rules: Record<Stage, readonly AnyRule[]>
  readonly meta: Record<Stage, RuleMeta[]>
  /**
   * Fired rules are wanted highest priority first; sorting all rules once gives the same order as
   * sorting the fired ones each time (byPriority is a total order: ids are unique).
   */
  readonly byPriorityOrder: Record<Stage, RuleMeta[]>
  /** The rule indexes of `byPriorityOrder`, in the same order. */
  readonly priorityIndexes: Record<Stage, Int32Array>
  /** Each rule's place in `byPriorityOrder`, by rule index (the inverse of `priorityIndexes`). */
  readonly priorityRank: Record<Stage, Int32Array>
  readonly fallbackCites: ResolvedCite[]
  readonly bySectionSeq: (a: SectionId, b: SectionId) => number
  private readonly resolved = new Map<string, ResolvedCite>()
  private readonly duties = new Map<SectionId, ResolvedCite[]>()
  private readonly sectionNames = new Map<string, string>()
  private readonly sectionSeqs = new Map<string, number>()

  constructor(readonly ruleSet: RoutingRuleSet) {
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
      sectionName: 'section' in rule && rule.section !== undefined ? sectionRef(ruleSet, rule.section).name : '',
      role: 'role' in rule ? rule.role : undefined,
      cites: rule.cites.map((ref) => this.resolve(ref)),
      ownCites: [],
      unlessDuty: 'unlessDutyMatches' in rule && rule.unlessDutyMatches !== undefined && rule.unlessDutyMatches !== false,
      unlessDutyMinMentions:
        'unlessDutyMatches' in rule && typeof rule.unlessDutyMatches === 'object' && rule.unlessDutyMatches !== null ? rule.unlessDutyMatches.minMentions : 0,
      general: 'general' in rule && rule.general === true,
      authority: 'competentAuthority' in rule ? rule.competentAuthority : undefined,
    })
    this.meta = { intake: this.rules.intake.map(metaOf), screening: this.rules.screening.map(metaOf), routing: this.rules.routing.map(metaOf) }
    this.byPriorityOrder = {
      intake: [...this.meta.intake].sort(byPriority),
      screening: [...this.meta.screening].sort(byPriority),
      routing: [...this.meta.routing].sort(byPriority),
    }
    this.priorityIndexes = {
      intake: Int32Array.from(this.byPriorityOrder.intake, (rule) => rule.index),
      screening: Int32Array.from(this.byPriorityOrder.screening, (rule) => rule.index),
      routing: Int32Array.from(this.byPriorityOrder.routing, (rule) => rule.index),
    }
    const rankOf = (indexes: Int32Array) => {
      const rank = new Int32Array(indexes.length)
      for (let place = 0; place < indexes.length; place++) rank[indexes[place]!] = place
      return rank
    }
    this.priorityRank = { intake: rankOf(this.priorityIndexes.intake), screening: rankOf(this.priorityIndexes.screening), routing: rankOf(this.priorityIndexes.routing) }
    for (const stage of ['intake', 'screening', 'routing'] as const) for (const rule of this.meta[stage]) rule.ownCites = distinctCitations(rule.cites)
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

  /**
   * `ids` in the order of their sections' `seq` (99 when a section has none), ties kept in place: what
   * `ids.sort(bySectionSeq)` gives, for the few assisting sections of a decision, without the sort's
   * setup or a keyed look-up per comparison (each section's seq is looked up once).
   */
  sortBySectionSeq(ids: SectionId[]): void {
    for (let i = 1; i < ids.length; i++) {
      const id = ids[i]!
      const seq = this.seqOf(id)
      let j = i
      while (j > 0 && this.seqOf(ids[j - 1]!) > seq) {
        ids[j] = ids[j - 1]!
        j--
      }
      ids[j] = id
    }
  }

  private seqOf(id: SectionId): number {
    let seq = this.sectionSeqs.get(id)
    if (seq === undefined) {
      seq = this.ruleSet.sections[id]?.seq ?? 99
      this.sectionSeqs.set(id, seq)
    }
    return seq
  }

  /** A section's id and name, as a fresh object (the name looked up once). */
  section(id: SectionId): SectionRef {
    let name = this.sectionNames.get(id)
    if (name === undefined) {
      name = sectionRef(this.ruleSet, id).name
      this.sectionNames.set(id, name)
    }
    return { id, name }
  }

  /**
   * A section's own duty to handle complaints, for a lead no rule chose (the learned model's, decide.ts):
   * the items of its article that its own routing rules cite, in item order. Those are its `routing: true`
   * duties (the analysis checks every such duty is cited, and no other), and — unlike the article's
   * `routing` marks — they are in the compact rule set the route bundle carries, with their texts.
   */
  dutyCites(id: SectionId): ResolvedCite[] {
    let cites = this.duties.get(id)
    if (cites === undefined) {
      const seq = this.ruleSet.sections[id]?.seq
      const items = new Set<number>()
      if (seq !== undefined) {
        for (const rule of this.ruleSet.routingRules) {
          if (rule.section !== id) continue
          for (const ref of rule.cites) if ((ref.doc ?? 'implementation-measures') === 'implementation-measures' && ref.seq === seq && ref.item !== undefined) items.add(ref.item)
        }
      }
      cites = [...items].sort((a, b) => a - b).map((item) => this.resolve({ seq: seq!, item }))
      this.duties.set(id, cites)
    }
    return cites
  }

  /** `citations(ruleSet, refs)`: de-duplicated, unresolvable ones left out, each a fresh object. */
  citations(lists: readonly (readonly ResolvedCite[])[]): Citation[] {
    const out: Citation[] = []
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l]!
      for (let i = 0; i < list.length; i++) {
        const { key, citation } = list[i]!
        // Seen before: a few keys, looked for where they were (no list of seen keys made per decision).
        if (!seenBefore(lists, l, i, key) && citation) out.push(copyCitation(citation))
      }
    }
    return out
  }
}

/** Whether `key` is the key of a cite before `lists[l][i]`. */
function seenBefore(lists: readonly (readonly ResolvedCite[])[], l: number, i: number, key: string): boolean {
  for (let m = 0; m <= l; m++) {
    const list = lists[m]!
    const end = m === l ? i : list.length
    for (let k = 0; k < end; k++) if (list[k]!.key === key) return true
  }
  return false
}
