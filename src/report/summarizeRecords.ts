/**
 * `summarizeRecords`: one pass over a stream of records (an array, a generator, lines of a file), in
 * constant memory apart from the ids that make each figure traceable. Each record is validated, routed
 * when it carries no decision, its deadlines computed as of `to` with the escalation rules, and only then
 * counted; a record that fails any step becomes one entry of the appendix — none is dropped, none stops
 * the run. Deterministic: `to` is the review date, nothing reads the clock.
 */
import * as z from 'zod'
import type { WorkingCalendar } from '../calendar/createCalendar.js'
import type { ComputeEscalationsOptions, EscalationEntry } from '../escalations/types.js'
import type { TrackedItem } from '../escalations/trackedItems.js'
import { inputIssues } from '../problems/inputIssues.js'
import type { Issue } from '../problems/issue.js'
import { snapshotInput } from '../problems/snapshotInput.js'
import { XiaobaoError, xiaobaoError } from '../problems/XiaobaoError.js'
import { isoDate } from '../ruleset/schemas.js'
import { UNCLASSIFIED } from '../routing/categories/types.js'
import { commitCurrent, commitPrevious, createAccumulators, type CurrentFacts } from './accumulators.js'
import { buildSummary } from './buildSummary.js'
import { createEscalationStates, type ItemStates } from './escalationStates.js'
import { NO_SECTION } from './labels.js'
import { isLineRecord } from './ndjsonRecords.js'
import { createRespondentNormalizer } from './normalizeRespondent.js'
import { COMPLAINT_KEYS, reportRecord, type ReportRecord } from './recordInput.js'
import { AUDIENCES } from './schemas.js'
import type { ErrorEntry, ReportRuleSet, ReportSummary, SummarizeOptions } from './types.js'

/** What the report needs from the other capabilities, passed in (it imports none of their internals). */
export interface ReportDependencies {
  ruleSet: ReportRuleSet
  calendar: WorkingCalendar
  /** Routes one complaint input (the compiled, synchronous path). Throws `XiaobaoError` for bad input. */
  route(input: unknown): RoutedDecision
  computeEscalations(items: readonly TrackedItem[], options: ComputeEscalationsOptions): Promise<EscalationEntry[]>
}

/** The fields of a routing decision the report reads. */
export interface RoutedDecision {
  disposition: string
  intake: { id: string; name: string }
  lead: { id: string; name: string } | null
  /** The goods-and-services category; `unclassified` when no term of any category occurred. */
  category?: { id: string; name: string }
  trace?: { stage?: string; effect?: string; keywords?: { keywords: string[] }[] }[]
}

const period = z.strictObject({ from: isoDate, to: isoDate })
const optionsSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  compareWith: period.optional(),
  audience: z.enum(AUDIENCES).optional(),
  provisional: z.boolean().optional(),
  onProgress: z.custom<(read: number) => void>((v) => typeof v === 'function', { message: '应为函数 / must be a function' }).optional(),
})

function checkOptions(options: unknown): SummarizeOptions {
  const parsed = optionsSchema.safeParse(options)
  if (!parsed.success) throw new XiaobaoError(inputIssues(options, parsed.error.issues, ['options']))
  const value = parsed.data
  for (const [path, p] of [[['options'], value], [['options', 'compareWith'], value.compareWith]] as const) {
    if (p && p.from > p.to) {
      throw xiaobaoError('invalid_input', `${path.join('.')}.to（${p.to}）早于 from（${p.from}）。`, `${path.join('.')}.to (${p.to}) is before from (${p.from}).`, { path: [...path, 'to'] })
    }
  }
  return value
}

function isIterable(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  if (value === null || typeof value !== 'object') return false
  return typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
}

const PROGRESS_EVERY = 5000

/** The handling fields of the escalation items, by the kind of record they belong to. */
const COMPLAINT_ITEM_FIELDS = ['acceptedOn', 'mediationEndedOn', 'partiesNotifiedOn', 'suspendedDays', 'acceptance', 'mediation', 'suspensions', 'violationClue', 'jurisdictionDispute'] as const
const REPORT_ITEM_FIELDS = ['extensionApproved', 'caseDecisionOn', 'reporterNotifiedOn', 'suspendedDays', 'suspensions', 'jurisdictionDispute'] as const
/** Fields of one kind only: given on a record of another kind they would be silently ignored. */
const COMPLAINT_ONLY = ['acceptedOn', 'acceptance', 'mediation', 'mediationEndedOn', 'mediationOutcome', 'partiesNotifiedOn', 'violationClue'] as const
const REPORT_ONLY = ['caseDecisionOn', 'extensionApproved', 'reporterNotifiedOn', 'realName'] as const
const KIND_ZH = { complaint: '投诉', report: '举报', inquiry: '咨询' } as const

/**
 * The checks the escalation item does not make because the report adds the fields (`mediationOutcome`,
 * `closedOn`) or the record kind (a field of another kind). The escalation item's own checks (its outcome
 * fields, the order of its dates) run on every record in `createEscalationStates`.
 */
function recordIssues(record: ReportRecord): Issue[] {
  const issue = (field: string, message: string, messageEn: string): Issue => ({ code: 'invalid_input', severity: 'error', message, messageEn, path: [field] })
  const issues: Issue[] = []
  const given = (field: string) => (record as Record<string, unknown>)[field] !== undefined
  const foreign =
    record.kind === 'inquiry'
      ? [...COMPLAINT_ITEM_FIELDS, ...REPORT_ITEM_FIELDS, 'mediationOutcome'].filter(given)
      : (record.kind === 'complaint' ? REPORT_ONLY : COMPLAINT_ONLY).filter(given)
  if (foreign.length) {
    const field = foreign[0]!
    const belongs = record.kind === 'inquiry' ? '投诉或举报' : record.kind === 'complaint' ? '举报' : '投诉'
    const belongsEn = record.kind === 'inquiry' ? 'complaints or reports' : record.kind === 'complaint' ? 'reports' : 'complaints'
    issues.push(issue(field, `${KIND_ZH[record.kind]}没有 ${field}：该字段只用于${belongs}。`, `a ${record.kind} has no ${field}; it is for ${belongsEn}.`))
  }
  if (record.mediationOutcome !== undefined) {
    if (record.mediation !== undefined) {
      issues.push(issue('mediationOutcome', 'mediationOutcome 与 mediation 同时填写；请只用 mediation.outcome（agreement 达成协议，terminated 终止调解）。', 'mediationOutcome is given beside mediation; use mediation.outcome (agreement or terminated) only.'))
    } else if (record.mediationEndedOn === undefined) {
      issues.push(issue('mediationOutcome', 'mediationOutcome 须与 mediationEndedOn（调解终结之日）同写。', 'mediationOutcome needs mediationEndedOn.'))
    } else if (record.mediationOutcome === 'agreement' && record.partiesNotifiedOn !== undefined && record.partiesNotifiedOn < record.mediationEndedOn) {
      // After an agreement the escalation item has no notice (第二十一条第二款 follows a termination only), so the report checks this order itself.
      issues.push(issue('partiesNotifiedOn', `partiesNotifiedOn（${record.partiesNotifiedOn}）早于 mediationEndedOn（${record.mediationEndedOn}），这不可能，请核对日期。`, `partiesNotifiedOn (${record.partiesNotifiedOn}) is before mediationEndedOn (${record.mediationEndedOn}), which cannot happen; check the dates.`))
    }
  }
  if (record.closedOn !== undefined && record.closedOn < record.receivedOn) {
    issues.push(issue('closedOn', `closedOn（${record.closedOn}）早于 receivedOn（${record.receivedOn}）。`, `closedOn (${record.closedOn}) is before receivedOn (${record.receivedOn}).`))
  }
  return issues
}

/**
 * The escalation capability's tracked item for a record (inquiries have no deadline). The fields are the
 * item's own, with their meaning there (old flat fields as before, issue 11's outcome fields as such) —
 * except the report's older `mediationOutcome: agreement`, which says what `mediation.outcome: agreement`
 * says: the item gets `mediation: { consented: true, endedOn, outcome: 'agreement' }`, so no
 * 第二十一条第二款 notice is due (a `partiesNotifiedOn` beside it is no deadline's event). With
 * `no-agreement`, or `mediationEndedOn` alone, the old fields go as they are: a termination.
 */
function trackedItemOf(record: ReportRecord, section: string): { item: TrackedItem; legacyAgreement: boolean } | undefined {
  if (record.kind === 'inquiry') return undefined
  const item: Record<string, unknown> =
    record.kind === 'complaint' ? { type: 'complaint', id: record.id, section, receivedOn: record.receivedOn } : { type: 'report', id: record.id, section, receivedOn: record.receivedOn, realName: record.realName ?? false }
  for (const field of record.kind === 'complaint' ? COMPLAINT_ITEM_FIELDS : REPORT_ITEM_FIELDS) if (record[field] !== undefined) item[field] = record[field]
  const legacyAgreement = record.kind === 'complaint' && record.mediationOutcome === 'agreement' && record.mediation === undefined && record.mediationEndedOn !== undefined
  if (legacyAgreement) {
    delete item.mediationEndedOn
    delete item.partiesNotifiedOn
    item.mediation = { consented: true, endedOn: record.mediationEndedOn, outcome: 'agreement' }
  }
  return { item: item as TrackedItem, legacyAgreement }
}

/** How a mediation ended by `to`: the item's facts say when, the record how (old records: a termination unless `mediationOutcome: agreement`). */
function mediationOutcomeOf(record: ReportRecord, facts: Readonly<Record<string, unknown>>, to: string): 'agreement' | 'terminated' | undefined {
  const endedOn = facts.mediationEndedOn
  if (typeof endedOn !== 'string' || endedOn > to) return undefined
  if (record.mediation) return record.mediation.outcome
  return record.mediationOutcome === 'agreement' ? 'agreement' : 'terminated'
}

/** 第十四条's decision as of `to`, from the acceptance deadline's state and the item's facts. */
function acceptanceOf(status: string, facts: Readonly<Record<string, unknown>>): 'within' | 'late' | 'refused' | 'open' {
  if (status === 'met' || status === 'met-late') {
    // decisionOn is set by either decision; acceptedOn only by 'accepted' (or the old acceptedOn).
    if (facts.acceptedOn === undefined) return 'refused'
    return status === 'met' ? 'within' : 'late'
  }
  return status === 'overdue' ? 'late' : 'open'
}

/** A category a record or its decision states, unless it is the routing's "no category" fallback. */
function stated(category: { id: string; name: string } | undefined): { id: string; name: string } | undefined {
  return category && category.id !== UNCLASSIFIED.id ? { id: category.id, name: category.name } : undefined
}

/** The problem terms of a decision: the keywords its routing rules matched (decision trace). */
function termsOf(decision: RoutedDecision): string[] {
  const terms = new Set<string>()
  for (const hit of decision.trace ?? []) {
    if (hit.stage !== undefined && hit.stage !== 'routing') continue
    for (const evidence of hit.keywords ?? []) for (const keyword of evidence.keywords) terms.add(keyword)
  }
  return [...terms].sort()
}

/** The complaint input of a record, for routing (only the fields `routeComplaint` knows). */
function complaintOf(record: ReportRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of COMPLAINT_KEYS) if (record[key] !== undefined) out[key] = record[key]
  return out
}

const toFen = (yuan: number | undefined) => (yuan === undefined ? 0 : Math.round(yuan * 100))

/**
 * Binds the rule set and the other capabilities' functions; the returned function validates its
 * arguments and summarises.
 * @throws XiaobaoError `invalid_input` for bad options or a `records` that is not a list or stream;
 *   `missing_file` when the rule set has no rules/report.yaml or rules/deadlines.yaml.
 */
export function createRecordSummarizer(deps: ReportDependencies) {
  const ruleSet = deps.ruleSet
  const sectionName = (id: string) => (id === NO_SECTION.id ? NO_SECTION.name : (ruleSet.sections[id as keyof ReportRuleSet['sections']]?.name ?? id))

  return async function summarizeRecords(records: Iterable<unknown> | AsyncIterable<unknown>, options: SummarizeOptions): Promise<ReportSummary> {
    const opts = checkOptions(options)
    if (typeof records === 'string' || !isIterable(records)) {
      throw xiaobaoError('invalid_input', 'records 应为记录的列表或流（数组、生成器或异步可迭代对象）。', 'records must be a list or stream of records (an array, a generator or an async iterable).', { path: ['records'] })
    }
    const rules = ruleSet.report
    if (!rules) throw xiaobaoError('missing_file', '规则集中没有报告设置（rules/report.yaml，kind: report）。', 'the rule set has no report settings (rules/report.yaml, kind: report).')
    const acceptanceDeadline = ruleSet.deadlines?.deadlines.find((d) => d.id === 'complaint-acceptance')
    if (!acceptanceDeadline) throw xiaobaoError('missing_file', '规则集中没有受理期限（rules/deadlines.yaml 的 complaint-acceptance）。', 'the rule set has no acceptance deadline (complaint-acceptance in rules/deadlines.yaml).')

    const audience = opts.audience ?? 'internal'
    const acc = createAccumulators(audience === 'internal')
    const errors: ErrorEntry[] = []
    const normalize = createRespondentNormalizer(rules.respondentNames.strip)
    const { from, to, compareWith, provisional } = opts
    const calendarOptions = provisional ? { provisional: true } : {}
    const escalationStates = createEscalationStates(ruleSet, deps.computeEscalations, { asOf: to, ...calendarOptions })

    const fail = (index: number, line: number | undefined, id: unknown, issue: Issue) => {
      errors.push({ index, ...(line !== undefined ? { line } : {}), ...(typeof id === 'string' && id.length <= 200 ? { id } : {}), code: String(issue.code), message: issue.message, messageEn: issue.messageEn })
    }

    const failWith = (index: number, line: number | undefined, id: string, error: unknown, legacyAgreement = false) => {
      // The escalation capability numbers the one item it was given: its messages say items[0].acceptedOn.
      if (!(error instanceof XiaobaoError)) throw error
      const issue = error.issues[0]
      // An old record's mediationEndedOn went to the item as mediation.endedOn: name the field it wrote.
      const text = (message: string) => {
        const out = message.replace(/items\[0\]\.?/g, '')
        return legacyAgreement ? out.replace(/mediation\.endedOn/g, 'mediationEndedOn') : out
      }
      fail(index, line, id, { ...issue, message: text(issue.message), messageEn: text(issue.messageEn) })
    }

    /** Counts a record of the period once its deadlines are known; may throw a calendar error. */
    function commit(record: ReportRecord, decision: RoutedDecision, category: { id: string; name: string }, terms: string[], tracked: ItemStates, inPrevious: boolean): void {
      const { facts: itemFacts, states: entries } = tracked
      const acceptance = entries.find((e) => e.deadline === acceptanceDeadline!.id)
      const mediation = record.kind === 'complaint' ? mediationOutcomeOf(record, itemFacts, to) : undefined
      // A complaint's handling ends with its mediation, or with the decision not to accept it (第十四条).
      const refusedOn = record.acceptance?.decision === 'not-accepted' ? record.acceptance.on : undefined
      const complaintClosedOn = typeof itemFacts.mediationEndedOn === 'string' ? itemFacts.mediationEndedOn : refusedOn
      const closedOn = record.closedOn ?? (record.kind === 'complaint' ? complaintClosedOn : record.kind === 'report' ? record.caseDecisionOn : undefined)
      const closedInDays = closedOn !== undefined && closedOn <= to ? deps.calendar.workingDaysBetween(record.receivedOn, closedOn, calendarOptions).days : undefined
      const respondentKey = record.respondent?.name && record.kind !== 'inquiry' ? normalize(record.respondent.name) : ''
      let highestLevel = 0
      for (const e of entries) if (e.level > highestLevel) highestLevel = e.level
      const facts: CurrentFacts = {
        id: record.id,
        kind: record.kind,
        channel: record.channel,
        disposition: decision.disposition,
        leadSection: decision.lead?.id ?? NO_SECTION.id,
        handlingSection: decision.lead?.id ?? decision.intake.id,
        category,
        month: record.receivedOn.slice(0, 7),
        terms,
        text: record.text,
        ...(respondentKey !== '' ? { respondent: { key: respondentKey, name: record.respondent!.name!.trim() } } : {}),
        ...(acceptance ? { acceptance: acceptanceOf(acceptance.status, itemFacts) } : {}),
        ...(mediation !== undefined ? { mediation } : {}),
        ...(closedInDays !== undefined ? { closedInDays } : {}),
        ...(record.amountYuan !== undefined || record.recoveredYuan !== undefined ? { amounts: { disputedFen: toFen(record.amountYuan), recoveredFen: toFen(record.recoveredYuan) } } : {}),
        open: entries.some((e) => e.status === 'pending' || e.status === 'due-soon' || e.status === 'overdue'),
        overdue: entries.some((e) => e.status === 'overdue'),
        highestLevel,
      }
      commitCurrent(acc, facts, sectionName)
      if (inPrevious) commitPrevious(acc, record.id, category, terms)
    }

    /** Synchronous unless the record's deadlines have to be computed: then it returns the promise. */
    function analyse(value: unknown, index: number, line: number | undefined): void | Promise<void> {
      const parsed = reportRecord.safeParse(value)
      const rawId = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).id : undefined
      if (!parsed.success) return fail(index, line, rawId, inputIssues(value, parsed.error.issues)[0])
      const record = parsed.data
      const extra = recordIssues(record)
      if (extra.length) return fail(index, line, record.id, extra[0]!)
      const inCurrent = record.receivedOn >= from && record.receivedOn <= to
      const inPrevious = compareWith !== undefined && record.receivedOn >= compareWith.from && record.receivedOn <= compareWith.to
      let legacyAgreement = false
      if (!inCurrent && !inPrevious) {
        acc.outside++
        return
      }
      try {
        const decision: RoutedDecision = record.decision ?? deps.route(complaintOf(record))
        // What the record states (its stored decision's category, then its own), else xiaobao's routing.
        const category = stated(record.decision?.category) ?? record.category ?? stated(decision.category) ?? rules!.uncategorised
        const terms = termsOf(decision)
        if (!inCurrent) return commitPrevious(acc, record.id, category, terms)
        const tracked = trackedItemOf(record, decision.lead?.id ?? decision.intake.id)
        legacyAgreement = tracked?.legacyAgreement ?? false
        const states = tracked ? escalationStates(tracked.item) : { facts: {}, states: [] }
        if (states instanceof Promise) {
          const legacy = legacyAgreement
          return states.then(
            (known) => {
              try {
                commit(record, decision, category, terms, known, inPrevious)
              } catch (error) {
                failWith(index, line, record.id, error, legacy)
              }
            },
            (error: unknown) => failWith(index, line, record.id, error, legacy),
          )
        }
        commit(record, decision, category, terms, states, inPrevious)
      } catch (error) {
        failWith(index, line, record.id, error, legacyAgreement)
      }
    }

    const handle = (raw: unknown, index: number): void | Promise<void> => {
      let lineRecord = false
      try {
        lineRecord = isLineRecord(raw)
      } catch {
        lineRecord = false // a revoked Proxy: snapshotInput says so below
      }
      // A line record holds what JSON.parse made (plain data); anything else is the caller's value, copied first.
      let value: unknown = raw
      if (!lineRecord) {
        try {
          value = snapshotInput(raw, 'record')
        } catch (error) {
          if (!(error instanceof XiaobaoError)) throw error
          return fail(index, undefined, undefined, error.issues[0])
        }
        return analyse(value, index, undefined)
      }
      if (!isLineRecord(value)) return analyse(value, index, undefined)
      if (value.lineError !== undefined) return fail(index, value.line, undefined, { code: 'invalid_encoding', severity: 'error', message: value.lineError.message, messageEn: value.lineError.messageEn })
      if (value.jsonError === undefined) return analyse(value.value, index, value.line)
      fail(index, value.line, undefined, { code: 'invalid_json', severity: 'error', message: `第 ${value.line} 行不是合法的 JSON。`, messageEn: `line ${value.line} is not valid JSON: ${value.jsonError}` })
    }
    let index = 0
    const step = async (value: unknown) => {
      index++
      acc.read++
      const pending = handle(value, index)
      if (pending) await pending
      if (opts.onProgress && index % PROGRESS_EVERY === 0) opts.onProgress(index)
    }
    // A plain iterable is read without a promise per record (most records need no await).
    if (typeof (records as Iterable<unknown>)[Symbol.iterator] === 'function') {
      for (const value of records as Iterable<unknown>) {
        index++
        acc.read++
        const pending = handle(value, index)
        if (pending) await pending
        if (opts.onProgress && index % PROGRESS_EVERY === 0) opts.onProgress(index)
      }
    } else {
      for await (const value of records) await step(value)
    }
    opts.onProgress?.(index)
    return buildSummary({ acc, errors, rules, ruleSet, options: { ...opts, audience }, acceptanceDays: acceptanceDeadline.length ?? 0 })
  }
}
