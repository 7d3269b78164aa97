/**
 * The loaded report rules and what `summarizeRecords` returns: plain, JSON-serialisable data.
 */
import type { EscalationsSlice } from '../escalations/types.js'
import type { Citation, RuleSetCore, RuleSetProvenance, SourceLocation } from '../ruleset/types.js'
import type { Audience, RedactionPattern, ReportChapterId, ReportFile, ReportScenario } from './schemas.js'

/** rules/report.yaml, checked, with where it is written. */
export interface ReportRules extends Omit<ReportFile, 'kind'> {
  at: SourceLocation
}

export interface ReportScenarioRecord extends ReportScenario {
  at: SourceLocation
}

/** What the report adds to a rule set. */
export interface ReportSlice {
  /** `rules/report.yaml`. */
  report?: ReportRules
  /** Scenario files with `target: report`. */
  reportScenarios?: ReportScenarioRecord[]
}

/** The part of a rule set the report reads: its own slice, and the deadlines and ladder it counts against. */
export type ReportRuleSet = RuleSetCore & ReportSlice & EscalationsSlice

/**
 * A count and, for the bureau's own view, the ids of the records behind it. In the public report a count
 * below the small-cell threshold is `{ count: null, shown: '<5' }`.
 */
export type Cell = { count: number; ids?: string[] } | { count: null; shown: string }

/** One row of a table: a stable key, its label, its count. */
export interface Row {
  key: string
  label: string
  cell: Cell
}

export interface Rate {
  numerator: Cell
  denominator: Cell
  /** numerator ÷ denominator, 0..1; null when the denominator is 0 or a cell is suppressed. */
  rate: number | null
}

/** A category or term whose count rose against the comparison period. */
export interface Trend {
  key: string
  label: string
  current: Cell
  previous: Cell
  /** current − previous; null when a suppressed cell would make it reveal the other. */
  change: number | null
  /** change ÷ previous; null when previous is 0 (new) or suppressed. */
  relative: number | null
}

export interface SectionHandling {
  section: { id: string; name: string }
  items: Cell
  /** Items with a deadline still open as of `to` (pending, due soon or overdue). */
  open: Cell
  overdue: Cell
  /** Items by the highest escalation level reached (level ≥ 1). */
  levels: { level: number; cell: Cell }[]
}

export interface ErrorEntry {
  /** 1-based position in the input. */
  index: number
  /** NDJSON line, when read from lines. */
  line?: number
  id?: string
  code: string
  message: string
  messageEn: string
}

export interface Chapter {
  id: ReportChapterId
  title: string
  basis: Citation[]
}

export interface ReportSummary {
  title: string
  bureau: string
  /** Which rules produced the report: config.yaml's `version` and the content hash of the rule files. */
  ruleSet?: RuleSetProvenance
  audience: Audience
  /** 报送单位 (seq 27 item 2). */
  recipients: string[]
  period: { from: string; to: string }
  compareWith?: { from: string; to: string }
  chapters: Chapter[]
  totals: {
    /** Records read (valid or not). */
    read: number
    /** Valid records received in the period. */
    inPeriod: Cell
    /** Valid records received in the comparison period. */
    compared?: Cell
    /** Valid records received in neither period (not counted). */
    outside: number
    /** Records that could not be counted: each is in `errors`. */
    errors: number
  }
  counts: {
    byKind: Row[]
    byChannel: Row[]
    byDisposition: Row[]
    bySection: Row[]
    byCategory: Row[]
    byMonth: Row[]
  }
  handling: {
    /**
     * Complaints accepted within the deadline of rules/deadlines.yaml (第十四条), of those accepted or whose
     * deadline passed without a decision (`late`: accepted late, or undecided and overdue, as of `to`).
     * A complaint not accepted (`acceptance.decision: 'not-accepted'`) is no acceptance: it is in `refused`,
     * in neither side of the rate. `open`: not decided, deadline not passed.
     */
    acceptance: Rate & { deadlineDays: number; late: Cell; open: Cell; refused: Cell }
    /**
     * Mediations that ended in an agreement (`mediation.outcome: 'agreement'`, or the older
     * `mediationOutcome: 'agreement'`), of all that ended by `to`; every other end is a termination
     * (第二十一条), including an old `mediationEndedOn` with no outcome.
     */
    mediation: Rate
    /** Items closed by `to` and their average length in working days. */
    closing: { closed: Cell; averageWorkingDays: number | null }
    amounts: { items: Cell; disputedYuan: number | null; recoveredYuan: number | null }
    overdue: { total: Cell; bySection: SectionHandling[] }
  }
  hotSpots: {
    risingCategories: Trend[]
    risingTerms: Trend[]
    /** Most complained-about businesses by normalised name; `name` is null where they may not be named. */
    businesses: { rank: number; name: string | null; cell: Cell }[]
    /** Problem terms found in at least `minRecurringMonths` months of the period. */
    recurringTerms: { term: string; cell: Cell; months: number }[]
    /** One quoted text for each of the largest categories (redacted in the public report). */
    examples: { category: string; text: string; id?: string }[]
  }
  /** Internal: every record that could not be counted. Public: how many, by code. */
  errors: ErrorEntry[] | { code: string; count: number }[]
  settings: {
    minTrendCount: number
    minRecurringMonths: number
    smallCellThreshold: number
    nameBusinessesPublicly: boolean
    topCount: number
  }
}

export interface SummarizeOptions {
  /** First day of the period, `YYYY-MM-DD`. */
  from: string
  /** Last day of the period; also the day as of which deadlines and escalations are computed. */
  to: string
  /** The period to compare with, for rising hot spots. */
  compareWith?: { from: string; to: string }
  /** `internal` (default): record ids and per-section handling. `public`: 第三十三至三十五条. */
  audience?: Audience
  /** Accept provisional calendar data for years no notice covers yet. */
  provisional?: boolean
  /** Called every few thousand records with the number read so far (for a progress bar). */
  onProgress?: (read: number) => void
}

export type { Audience, RedactionPattern }
