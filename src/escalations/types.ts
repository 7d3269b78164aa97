/**
 * The loaded deadline rules and what `computeEscalations` returns.
 */
import type { SectionRef } from '../sections.js'
import type { CitationRef } from '../ruleset/schemas.js'
import type { Citation, RuleSetCore, RuleSetProvenance, SourceLocation } from '../ruleset/types.js'
import type { CalendarSlice } from '../calendar/calendarFileKinds.js'
import type { ActorRole, DeadlineId, DeadlineSpec, EscalationLevelSpec, EscalationStatus, ExpectedEntry } from './schemas.js'

/** A deadline of `rules/deadlines.yaml`, checked, with where it is written. */
export interface DeadlineRecord extends DeadlineSpec {
  at: SourceLocation
}

/** A level of `rules/escalation.yaml`, checked, with where it is written. */
export interface EscalationLevelRecord extends EscalationLevelSpec {
  at: SourceLocation
}

export interface DeadlineRules {
  title: string
  deadlines: DeadlineRecord[]
  at: SourceLocation
}

export interface EscalationLadder {
  title: string
  levels: EscalationLevelRecord[]
  at: SourceLocation
}

export interface EscalationScenarioRecord {
  name: string
  asOf: string
  provisional?: boolean
  items: unknown[]
  expect: { entries?: ExpectedEntry[]; error?: string; errorIncludes?: string }
  at: SourceLocation
}

/** Who must act: a section, the convener (召集人, the bureau leader in charge, seq 22), or the joint-meeting office (seq 23: in 消保股). */
export type EscalationActor = SectionRef | 'convener' | 'joint-meeting-office'

export interface EscalationAction {
  code: string
  actor: EscalationActor
  /** 中文说明 / what to do, in Chinese. */
  message: string
  messageEn: string
}

export interface ComputeEscalationsOptions {
  /** The day of the review, `YYYY-MM-DD`. Events dated after it have not happened yet, as of then. */
  asOf: string
  /** Accept provisional calendar data for years no notice covers yet; such entries say `provisional: true`. */
  provisional?: boolean
}

/** One deadline of one item, as of `asOf`. */
export interface EscalationEntry {
  itemId: string
  deadline: DeadlineId
  /** The last day to meet it: the n-th working day after the start event (that day not counted). */
  dueOn: string
  status: EscalationStatus
  /** Working days after `dueOn` up to `asOf` (overdue) or up to the day it was met (met-late). */
  workingDaysLate?: number
  /** The highest level of the ladder reached; 0 none. */
  level: number
  /** What is to be done now, by whom (every reached level's actions that are not done yet). */
  actions: EscalationAction[]
  /** The deadline's articles (with an extension or suspension that applied) and the reached levels'. */
  basis: Citation[]
  /**
   * `dueOn`, `status`, `level` or `workingDaysLate` came from provisional calendar data (a year no notice
   * covers yet). Only the dates that decide these count: a look-ahead beyond the data (the day a higher
   * level would be reached, `nextReviewOn`) never makes an entry provisional, nor a `calendar_coverage` error.
   */
  provisional?: boolean
  /**
   * The next date on which the status or the level changes, if it can. When that date lies in a year no
   * notice covers, it is omitted and `nextReviewNeedsYear` names the year (without `provisional`), or it
   * is computed from the provisional calendar and `nextReviewProvisional` is true (with `provisional: true`).
   */
  nextReviewOn?: string
  /** `nextReviewOn` came from provisional calendar data; the entry's own dates did not. */
  nextReviewProvisional?: boolean
  /** The status or level will change on a day in this year, which no holiday notice covers yet; `nextReviewOn` is omitted. */
  nextReviewNeedsYear?: number
  /** Which rules computed the entry: config.yaml's `version` and the content hash of the rule files. */
  ruleSet?: RuleSetProvenance
}

export type { ActorRole, CitationRef, DeadlineId, EscalationStatus }

/** What escalations add to a rule set. */
export interface EscalationsSlice {
  /** `rules/deadlines.yaml`: the statutory deadlines, their lengths and bases. */
  deadlines?: DeadlineRules
  /** `rules/escalation.yaml`: the reminder and overdue ladder. */
  escalation?: EscalationLadder
  /** Scenario files with `target: escalations`. */
  escalationScenarios?: EscalationScenarioRecord[]
}

/** The part of a rule set escalations read (deadlines count on the calendar). */
export type EscalationsRuleSet = RuleSetCore & EscalationsSlice & CalendarSlice
