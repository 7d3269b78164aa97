/**
 * From the accumulators to the summary: tables in a fixed order, rates, trends and rankings, each figure
 * with its record ids (internal) or with small cells suppressed and quoted text redacted (public:
 * 《暂行办法》第三十三条、第三十四条、第三十五条).
 */
import { resolveCitation } from '../ruleset/citations.js'
import type { Citation } from '../ruleset/types.js'
import { CHANNELS } from '../routing/complaintInput.js'
import type { Accumulators } from './accumulators.js'
import { CHANNEL_LABELS, DISPOSITION_LABELS, KIND_LABELS, monthLabel } from './labels.js'
import { createRedactor } from './redact.js'
import type { Tally, TallyEntry } from './tally.js'
import type { Cell, ErrorEntry, Rate, ReportRuleSet, ReportRules, ReportSummary, Row, SectionHandling, SummarizeOptions, Trend } from './types.js'

interface Input {
  acc: Accumulators
  errors: ErrorEntry[]
  rules: ReportRules
  ruleSet: ReportRuleSet
  options: SummarizeOptions & { audience: 'internal' | 'public' }
  acceptanceDays: number
}

/** Every month from `from` to `to`, `YYYY-MM`. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]
  const last = to.slice(0, 7)
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    out.push(key)
    if (key >= last || out.length > 1200) return out
    month++
    if (month > 12) [year, month] = [year + 1, 1]
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits

export function buildSummary({ acc, errors, rules, ruleSet, options, acceptanceDays }: Input): ReportSummary {
  const isPublic = options.audience === 'public'
  const threshold = rules.settings.smallCellThreshold.value
  const minTrend = rules.settings.minTrendCount.value
  const top = rules.settings.topCount.value
  const redact = isPublic ? createRedactor(rules.redaction) : (text: string) => text

  const cellOf = (entry: TallyEntry | undefined): Cell => {
    const count = entry?.count ?? 0
    if (isPublic) return count > 0 && count < threshold ? { count: null, shown: `<${threshold}` } : { count }
    return { count, ids: entry?.ids ?? [] }
  }
  const suppressed = (cell: Cell) => cell.count === null
  const row = (tally: Tally, key: string, label: string): Row => ({ key, label, cell: cellOf(tally.get(key)) })
  const rate = (numerator: TallyEntry, denominator: TallyEntry): Rate => {
    const [n, d] = [cellOf(numerator), cellOf(denominator)]
    return { numerator: n, denominator: d, rate: suppressed(n) || suppressed(d) || denominator.count === 0 ? null : round(numerator.count / denominator.count, 4) }
  }
  const categoryName = (id: string) => redact(acc.categoryNames.get(id) ?? id)

  const trends = (current: Tally, previous: Tally, label: (key: string) => string): Trend[] => {
    if (!options.compareWith) return []
    return current
      .keys()
      .filter((key) => current.count(key) >= minTrend && current.count(key) > previous.count(key))
      .map((key) => ({ key, now: current.count(key), before: previous.count(key) }))
      .sort((a, b) => b.now - b.before - (a.now - a.before) || (b.before === 0 ? Infinity : (b.now - b.before) / b.before) - (a.before === 0 ? Infinity : (a.now - a.before) / a.before) || (a.key < b.key ? -1 : 1))
      .slice(0, top)
      .map(({ key, now, before }) => {
        const [c, p] = [cellOf(current.get(key)), cellOf(previous.get(key))]
        const hidden = suppressed(c) || suppressed(p)
        return { key, label: label(key), current: c, previous: p, change: hidden ? null : now - before, relative: hidden || before === 0 ? null : round((now - before) / before, 4) }
      })
  }

  const sections: SectionHandling[] = isPublic
    ? []
    : [...acc.sectionNames.keys()]
        .sort((a, b) => acc.sections.count(`${b}|overdue`) - acc.sections.count(`${a}|overdue`) || acc.sections.count(`${b}|items`) - acc.sections.count(`${a}|items`) || (a < b ? -1 : 1))
        .map((id) => ({
          section: { id, name: acc.sectionNames.get(id)! },
          items: cellOf(acc.sections.get(`${id}|items`)),
          open: cellOf(acc.sections.get(`${id}|open`)),
          overdue: cellOf(acc.sections.get(`${id}|overdue`)),
          levels: acc.sections
            .keys()
            .filter((k) => k.startsWith(`${id}|level-`))
            .map((k) => Number(k.slice(`${id}|level-`.length)))
            .sort((a, b) => a - b)
            .map((level) => ({ level, cell: cellOf(acc.sections.get(`${id}|level-${level}`)) })),
        }))
  const overdueTotal = acc.sections.merged(acc.sections.keys().filter((k) => k.endsWith('|overdue')))

  const closed = acc.closed.get('all')
  const closedCell = cellOf(closed)
  const amountsCell = cellOf(acc.amounts.get('all'))
  const quoteLength = rules.settings.quoteLength.value
  const chapters = rules.chapters.map((chapter) => ({
    id: chapter.id,
    title: chapter.title,
    basis: chapter.cites.map((ref) => resolveCitation(ruleSet, ref)).filter((c): c is Citation => c !== undefined),
  }))

  const errorsOut = isPublic
    ? [...errors.reduce((m, e) => m.set(e.code, (m.get(e.code) ?? 0) + 1), new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, count]) => ({ code, count }))
    : errors

  return {
    title: rules.title,
    bureau: ruleSet.bureau.name,
    ruleSet: { ...ruleSet.provenance },
    audience: options.audience,
    recipients: [...rules.recipients.names],
    period: { from: options.from, to: options.to },
    ...(options.compareWith ? { compareWith: { from: options.compareWith.from, to: options.compareWith.to } } : {}),
    chapters,
    totals: {
      read: acc.read,
      inPeriod: cellOf(acc.inPeriod.get('all')),
      ...(options.compareWith ? { compared: cellOf(acc.compared.get('all')) } : {}),
      outside: acc.outside,
      errors: errors.length,
    },
    counts: {
      byKind: Object.entries(KIND_LABELS).map(([key, label]) => row(acc.byKind, key, label)),
      byChannel: CHANNELS.map((key) => row(acc.byChannel, key, CHANNEL_LABELS[key])),
      byDisposition: Object.entries(DISPOSITION_LABELS).map(([key, label]) => row(acc.byDisposition, key, label)),
      bySection: acc.bySection.ranked().map((key) => row(acc.bySection, key, key === 'none' ? '无主办股室' : (ruleSet.sections[key as keyof ReportRuleSet['sections']]?.name ?? key))),
      byCategory: acc.byCategory.ranked().map((key) => row(acc.byCategory, key, categoryName(key))),
      byMonth: monthsBetween(options.from, options.to).map((key) => row(acc.byMonth, key, monthLabel(key))),
    },
    handling: {
      acceptance: {
        ...rate(acc.acceptance.merged(['within']), acc.acceptance.merged(['within', 'late'])),
        deadlineDays: acceptanceDays,
        late: cellOf(acc.acceptance.get('late')),
        open: cellOf(acc.acceptance.get('open')),
        refused: cellOf(acc.acceptance.get('refused')),
      },
      mediation: rate(acc.mediation.merged(['agreement']), acc.mediation.merged(['agreement', 'terminated'])),
      closing: { closed: closedCell, averageWorkingDays: closed && closed.count > 0 && !suppressed(closedCell) ? round(acc.closedDays / closed.count, 1) : null },
      amounts: {
        items: amountsCell,
        disputedYuan: suppressed(amountsCell) ? null : acc.disputedFen / 100,
        recoveredYuan: suppressed(amountsCell) ? null : acc.recoveredFen / 100,
      },
      overdue: { total: cellOf(overdueTotal), bySection: sections },
    },
    hotSpots: {
      risingCategories: trends(acc.byCategory, acc.previousCategories, categoryName),
      risingTerms: trends(acc.terms, acc.previousTerms, redact),
      businesses: acc.respondents
        .ranked()
        .slice(0, top)
        .map((key, i) => ({
          rank: i + 1,
          name: isPublic && !rules.settings.nameBusinessesPublicly.value ? null : redact(acc.respondentNames.get(key) ?? key),
          cell: cellOf(acc.respondents.get(key)),
        })),
      recurringTerms: acc.terms
        .ranked()
        .filter((term) => (acc.termMonths.get(term)?.size ?? 0) >= rules.settings.minRecurringMonths.value)
        .slice(0, top)
        .map((term) => ({ term: redact(term), cell: cellOf(acc.terms.get(term)), months: acc.termMonths.get(term)!.size })),
      examples:
        quoteLength === 0
          ? []
          : acc.byCategory
              .ranked()
              .slice(0, top)
              .map((key) => {
                const example = acc.examples.get(key)!
                const text = redact(example.text)
                const quoted = [...text].length > quoteLength ? [...text].slice(0, quoteLength).join('') + '…' : text
                return { category: categoryName(key), text: quoted, ...(isPublic ? {} : { id: example.id }) }
              }),
    },
    errors: errorsOut,
    settings: {
      minTrendCount: minTrend,
      minRecurringMonths: rules.settings.minRecurringMonths.value,
      smallCellThreshold: threshold,
      nameBusinessesPublicly: rules.settings.nameBusinessesPublicly.value,
      topCount: top,
    },
  }
}
