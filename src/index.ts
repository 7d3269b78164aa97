/**
 * xiaobao（消保）: the county market-regulation bureau's consumer-rights regulation as code.
 * Isomorphic core: no `node:` imports anywhere under this entry.
 */
export { createEngine } from './engine/createEngine.js'
export { routeComplaint, routeComplaintSync } from './engine/routeBundled.js'
export { defaultRuleSet, bundledRuleFiles } from './engine/defaultRuleSet.js'
export { parseRuleSet, parseRuleSetOrThrow, ruleFileJsonSchemas } from './capabilities.js'
export { citationProblem } from './ruleset/citations.js'
export { ruleFilesHash } from './ruleset/contentHash.js'
export { resolveCitation, formatCitation } from './ruleset/citations.js'
export { runScenarios, runScenario, compareExpectation } from './routing/routeScenarios.js'
export { XiaobaoError } from './problems/XiaobaoError.js'
export { formatIssue } from './problems/issue.js'
export { complaintInput } from './routing/complaintInput.js'
export { isRouteError } from './routing/compiled/routeMany.js'
export { ROUTING_FACTS, BUILTIN_OPERATORS, TEXT_OPERATORS } from './routing/facts.js'
export { SECTION_IDS, isSectionId } from './sections.js'
export { analyzeRuleSet } from './analysis/analyzeRuleSet.js'
export { ANALYSIS_CODES } from './analysis/types.js'
export { formatAnalysisText, formatAnalysisMarkdown, formatCoverageSummary } from './analysis/formatAnalysis.js'
export { renderAnalysisHtml } from './analysis/renderAnalysisHtml.js'
export { isWorkingDay, addWorkingDays, workingDaysBetween, createCalendar, defaultCalendar, CHINESE_DAYS_VERSION } from './calendar/index.js'
export { calendarOf } from './calendar/defaultCalendar.js'
export { trackedItem, complaintItem, reportItem, meetingTaskItem } from './escalations/trackedItems.js'
export { DEADLINE_IDS, ESCALATION_STATUSES } from './escalations/schemas.js'
export { runEscalationScenarios, runEscalationScenario, compareEscalationExpectation } from './escalations/runEscalationScenarios.js'
export { meetingRecordInput } from './meetings/recordInput.js'
export { validateMeetingRecord } from './meetings/validateMeetingRecord.js'
export { MEETING_FACTS } from './meetings/facts.js'
export { runMeetingScenarios, runMeetingScenario, compareMeetingExpectation } from './meetings/runMeetingScenarios.js'
export { reportRecord } from './report/recordInput.js'
export { recordsFromLines } from './report/ndjsonRecords.js'
export { renderReportHtml } from './report/renderReportHtml.js'
export { renderReportMarkdown } from './report/renderReportMarkdown.js'
export { summaryParagraph } from './report/summaryParagraph.js'
export { createRedactor } from './report/redact.js'
export { runReportScenarios, runReportScenario, compareReportExpectation } from './report/runReportScenarios.js'

export type { Engine, EngineOptions } from './engine/createEngine.js'
export type { RuleFileText } from './ruleset/parseRuleSet.js'
export type { RuleSet, ParseRuleSetResult } from './capabilities.js'
export type { Citation, SourceLocation, DocId, RuleSetProvenance } from './ruleset/types.js'
export type { RoutingRule, IntakeRule, ScreeningRule, ScenarioRecord } from './routing/ruleSet.js'
export type { Issue, IssueCode, LoadIssueCode, InputIssueCode, Result, Severity, IssueOf, IssueFieldsByCode, PlainIssueCode } from './problems/issue.js'
// Each owner's issue codes with their typed fields (exporting them also keeps their `declare global`
// contributions to the code registry in the bundled declarations).
export type { LoaderIssueFields, LoaderPlainIssueFields, LoaderIssue, Earlier } from './ruleset/messages.js'
export type { InputIssueFields, RuleFileIssueFields } from './problems/issue.js'
export type { RoutingIssueFields } from './routing/issues.js'
export type { CalendarIssueFields } from './calendar/issues.js'
export type { EscalationIssueFields } from './escalations/issues.js'
export type { ComplaintInput, Complaint } from './routing/complaintInput.js'
export type { RoutingDecision, RoutingWarning, RuleHit, RuleEffect, SectionRef, WarningCode, RouteOptions } from './routing/types.js'
export type { ConditionTrace, KeywordEvidence } from './routing/explainCondition.js'
export type { RouteErrorRecord, RouteManyResult } from './routing/compiled/routeMany.js'
export type { ScenarioResult } from './routing/routeScenarios.js'
export type { SectionId } from './sections.js'
export type {
  Analysis,
  AnalyzeOptions,
  AnalysisCode,
  AnalysisSeverity,
  AnalysisCoverage,
  AnalysisSummary,
  Finding,
  CollisionExample,
  DutyCoverageRow,
  ProcedureCoverageRow,
  TimeLimitCoverageRow,
  RuleCoverageRow,
  ConditionCoverage,
} from './analysis/types.js'
export type { FormatOptions } from './analysis/formatAnalysis.js'
export type { HtmlOptions } from './analysis/renderAnalysisHtml.js'
export type { AddWorkingDaysOptions, CalendarOptions, CoverageEntry, CreateCalendarInput, DayInfo, DayKind, WorkingCalendar, YearDays } from './calendar/index.js'
export type { CalendarFile, CalendarProvisionalFile, CalendarSource } from './calendar/index.js'
export type { TrackedItem, ComplaintItem, ReportItem, MeetingTaskItem, ItemType } from './escalations/trackedItems.js'
export type { DeadlineId, EscalationStatus } from './escalations/schemas.js'
export type {
  ComputeEscalationsOptions,
  EscalationEntry,
  EscalationAction,
  EscalationActor,
  DeadlineRecord,
  DeadlineRules,
  EscalationLadder,
  EscalationLevelRecord,
  EscalationScenarioRecord,
} from './escalations/types.js'
export type { EscalationScenarioResult } from './escalations/runEscalationScenarios.js'
export type { MeetingRecordInput, MeetingRecord } from './meetings/recordInput.js'
export type { MeetingCheckResult, MeetingFinding, FindingSeverity, MeetingProcedure, MeetingCheckRule, MeetingScenarioRecord } from './meetings/types.js'
export type { MeetingScenarioResult } from './meetings/runMeetingScenarios.js'
export type { MeetingFactName } from './meetings/facts.js'
export type { ReportRecordInput, ReportRecord } from './report/recordInput.js'
export type { LineRecord } from './report/ndjsonRecords.js'
export type { Audience, Cell, Row, Rate, Trend, SectionHandling, ErrorEntry, Chapter, ReportSummary, SummarizeOptions, ReportRules, ReportScenarioRecord } from './report/types.js'
export type { ReportScenarioResult, ReportScenarioEngine } from './report/runReportScenarios.js'
export type { Redactor } from './report/redact.js'
