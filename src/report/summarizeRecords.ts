/**
 * `summarizeRecords`: one pass over a stream of records (an array, a generator, lines of a file), in
 * constant memory apart from the ids that make each figure traceable. Each record is validated, routed
 * when it carries no decision, its deadlines computed as of `to` with the escalation rules, and only then
 * counted; a record that fails any step becomes one entry of the appendix — none is dropped, none stops
 * the run. Deterministic: `to` is the review date, nothing reads the clock.
 */
import { z } from 'zod'
import type { WorkingCalendar } from '../calendar/createCalendar.js'
import type { ComputeEscalationsOptions, EscalationEntry } from '../escalations/types.js'
import type { TrackedItem } from '../escalations/trackedItems.js'
import { inputIssues } from '../problems/inputIssues.js'
import type { Issue } from '../problems/issue.js'
import { snapshotInput } from '../problems/snapshotInput.js'
import { XiaobaoError, xiaobaoError } from '../problems/XiaobaoError.js'
import { isoDate } from '../ruleset/schemas.js'
import { commitCurrent, commitPrevious, createAccumulators, type CurrentFacts } from './accumulators.js'
import { buildSummary } from './buildSummary.js'
import { createEscalationStates, type DeadlineState } from './escalationStates.js'
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

/** Order checks the escalation item does not make because the report adds the fields. */
function recordIssues(record: ReportRecord): Issue[] {
  const issue = (field: string, message: string, messageEn: string): Issue => ({ code: 'invalid_input', severity: 'error', message, messageEn, path: [field] })
  const issues: Issue[] = []
  if (record.mediationOutcome !== undefined && record.mediationEndedOn === undefined) {
    issues.push(issue('mediationOutcome', 'mediationOutcome 须与 mediationEndedOn（调解终结之日）同写。', 'mediationOutcome needs mediationEndedOn.'))
  }
  if (record.closedOn !== undefined && record.closedOn < record.receivedOn) {
    issues.push(issue('closedOn', `closedOn（${record.closedOn}）早于 receivedOn（${record.receivedOn}）。`, `closedOn (${record.closedOn}) is before receivedOn (${record.receivedOn}).`))
  }
  if (record.kind === 'inquiry') {
    const handling = ['acceptedOn', 'mediationEndedOn', 'caseDecisionOn'].filter((f) => (record as Record<string, unknown>)[f] !== undefined)
    if (handling.length) issues.push(issue(handling[0]!, `咨询没有${handling[0]}：该字段只用于投诉或举报。`, `an inquiry has no ${handling[0]}; it is for complaints or reports.`))
  }
  return issues
}

const COMPLAINT_ITEM_FIELDS = ['acceptedOn', 'mediationEndedOn', 'partiesNotifiedOn', 'suspendedDays'] as const
const REPORT_ITEM_FIELDS = ['extensionApproved', 'caseDecisionOn', 'reporterNotifiedOn'] as const

/** The escalation capability's tracked item for a record (inquiries have no deadline). */
function trackedItemOf(record: ReportRecord, section: string): TrackedItem | undefined {
  if (record.kind === 'inquiry') return undefined
  const item: Record<string, unknown> =
    record.kind === 'complaint' ? { type: 'complaint', id: record.id, section, receivedOn: record.receivedOn } : { type: 'report', id: record.id, section, receivedOn: record.receivedOn, realName: record.realName ?? false }
  for (const field of record.kind === 'complaint' ? COMPLAINT_ITEM_FIELDS : REPORT_ITEM_FIELDS) if (record[field] !== undefined) item[field] = record[field]
  return item as TrackedItem
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

    const failWith = (index: number, line: number | undefined, id: string, error: unknown) => {
      // computeEscalations numbers the one item it was given: its messages say items[0].acceptedOn.
      if (!(error instanceof XiaobaoError)) throw error
      const issue = error.issues[0]
      fail(index, line, id, { ...issue, message: issue.message.replace(/items\[0\]\.?/g, ''), messageEn: issue.messageEn.replace(/items\[0\]\.?/g, '') })
    }

    /** Counts a record of the period once its deadlines are known; may throw a calendar error. */
    function commit(record: ReportRecord, decision: RoutedDecision, category: { id: string; name: string }, terms: string[], entries: readonly DeadlineState[], inPrevious: boolean): void {
      const acceptance = entries.find((e) => e.deadline === acceptanceDeadline!.id)
      const closedOn = record.closedOn ?? (record.kind === 'complaint' ? record.mediationEndedOn : record.kind === 'report' ? record.caseDecisionOn : undefined)
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
        ...(acceptance ? { acceptance: acceptance.status === 'met' ? 'within' : acceptance.status === 'met-late' || acceptance.status === 'overdue' ? 'late' : 'open' } : {}),
        ...(record.mediationOutcome !== undefined && record.mediationEndedOn! <= to ? { mediation: record.mediationOutcome } : {}),
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
      if (!inCurrent && !inPrevious) {
        acc.outside++
        return
      }
      try {
        const decision: RoutedDecision = record.decision ?? deps.route(complaintOf(record))
        const category = record.decision?.category ?? record.category ?? rules!.uncategorised
        const terms = termsOf(decision)
        if (!inCurrent) return commitPrevious(acc, record.id, category, terms)
        const item = trackedItemOf(record, decision.lead?.id ?? decision.intake.id)
        const entries = item ? escalationStates(item) : []
        if (entries instanceof Promise) {
          return entries.then(
            (states) => {
              try {
                commit(record, decision, category, terms, states, inPrevious)
              } catch (error) {
                failWith(index, line, record.id, error)
              }
            },
            (error: unknown) => failWith(index, line, record.id, error),
          )
        }
        commit(record, decision, category, terms, entries, inPrevious)
      } catch (error) {
        failWith(index, line, record.id, error)
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
