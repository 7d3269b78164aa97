/**
 * Everything the summary counts, as accumulators: one `Tally` per table, sums, and one first-seen label
 * or quote per key. A record is analysed first (summarizeRecords.ts) and only then committed here, so a
 * record that fails half-way is never half-counted.
 */
import { Tally } from './tally.js'

/** What one valid record of the period contributes. */
export interface CurrentFacts {
  id: string
  kind: string
  channel: string
  disposition: string
  leadSection: string
  handlingSection: string
  category: { id: string; name: string }
  month: string
  terms: readonly string[]
  text: string
  respondent?: { key: string; name: string }
  /** 第十四条's decision as of `to`: accepted within the deadline, accepted late or not decided by it, not accepted, not due yet. */
  acceptance?: 'within' | 'late' | 'refused' | 'open'
  /** How the mediation ended (第二十一条: anything but an agreement is a termination). */
  mediation?: 'agreement' | 'terminated'
  closedInDays?: number
  amounts?: { disputedFen: number; recoveredFen: number }
  /** From its escalation entries as of `to`. */
  open: boolean
  overdue: boolean
  highestLevel: number
}

export function createAccumulators(traceIds: boolean) {
  const tally = () => new Tally(traceIds)
  return {
    read: 0,
    outside: 0,
    inPeriod: tally(),
    compared: tally(),
    byKind: tally(),
    byChannel: tally(),
    byDisposition: tally(),
    bySection: tally(),
    byCategory: tally(),
    byMonth: tally(),
    categoryNames: new Map<string, string>(),
    previousCategories: tally(),
    terms: tally(),
    previousTerms: tally(),
    termMonths: new Map<string, Set<string>>(),
    respondents: tally(),
    respondentNames: new Map<string, string>(),
    acceptance: tally(),
    mediation: tally(),
    closed: tally(),
    closedDays: 0,
    amounts: tally(),
    disputedFen: 0,
    recoveredFen: 0,
    /** Keyed `${section}|items`, `|open`, `|overdue`, `|level-${n}`. */
    sections: tally(),
    sectionNames: new Map<string, string>(),
    examples: new Map<string, { text: string; id: string }>(),
  }
}

export type Accumulators = ReturnType<typeof createAccumulators>

export function commitCurrent(acc: Accumulators, facts: CurrentFacts, sectionName: (id: string) => string): void {
  const { id } = facts
  acc.inPeriod.add('all', id)
  acc.byKind.add(facts.kind, id)
  acc.byChannel.add(facts.channel, id)
  acc.byDisposition.add(facts.disposition, id)
  acc.bySection.add(facts.leadSection, id)
  acc.byCategory.add(facts.category.id, id)
  if (!acc.categoryNames.has(facts.category.id)) acc.categoryNames.set(facts.category.id, facts.category.name)
  if (!acc.examples.has(facts.category.id)) acc.examples.set(facts.category.id, { text: facts.text, id })
  acc.byMonth.add(facts.month, id)
  for (const term of facts.terms) {
    acc.terms.add(term, id)
    let months = acc.termMonths.get(term)
    if (!months) acc.termMonths.set(term, (months = new Set()))
    months.add(facts.month)
  }
  if (facts.respondent) {
    acc.respondents.add(facts.respondent.key, id)
    if (!acc.respondentNames.has(facts.respondent.key)) acc.respondentNames.set(facts.respondent.key, facts.respondent.name)
  }
  if (facts.acceptance) acc.acceptance.add(facts.acceptance, id)
  if (facts.mediation) acc.mediation.add(facts.mediation, id)
  if (facts.closedInDays !== undefined) {
    acc.closed.add('all', id)
    acc.closedDays += facts.closedInDays
  }
  if (facts.amounts) {
    acc.amounts.add('all', id)
    acc.disputedFen += facts.amounts.disputedFen
    acc.recoveredFen += facts.amounts.recoveredFen
  }
  const section = facts.handlingSection
  if (!acc.sectionNames.has(section)) acc.sectionNames.set(section, sectionName(section))
  acc.sections.add(`${section}|items`, id)
  if (facts.open) acc.sections.add(`${section}|open`, id)
  if (facts.overdue) acc.sections.add(`${section}|overdue`, id)
  if (facts.highestLevel > 0) acc.sections.add(`${section}|level-${facts.highestLevel}`, id)
}

export function commitPrevious(acc: Accumulators, id: string, category: { id: string; name: string }, terms: readonly string[]): void {
  acc.compared.add('all', id)
  acc.previousCategories.add(category.id, id)
  if (!acc.categoryNames.has(category.id)) acc.categoryNames.set(category.id, category.name)
  for (const term of terms) acc.previousTerms.add(term, id)
}
