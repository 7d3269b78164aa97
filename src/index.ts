/**
 * xiaobao（消保）: the county market-regulation bureau's consumer-rights regulation as code.
 * Isomorphic core: no `node:` imports anywhere under this entry.
 */
import { publicFunction, type ArgumentSpec } from './problems/publicFunction.js'
import { ruleFileJsonSchemas as ruleFileJsonSchemasUnguarded } from './capabilities.js'
import { citationProblem as citationProblemUnguarded } from './ruleset/citations.js'
import { ruleFilesHash as ruleFilesHashUnguarded } from './ruleset/contentHash.js'
import { resolveCitation as resolveCitationUnguarded, formatCitation as formatCitationUnguarded } from './ruleset/citations.js'
import { runScenarios as runScenariosUnguarded, runScenario as runScenarioUnguarded, compareExpectation as compareExpectationUnguarded } from './routing/routeScenarios.js'
import { formatIssue as formatIssueUnguarded } from './problems/issue.js'
import { analyzeRuleSet as analyzeRuleSetUnguarded } from './analysis/analyzeRuleSet.js'
import { trainRoutingModel as trainRoutingModelUnguarded } from './routing/learned/trainRoutingModel.js'
import { renderRoutingModel as renderRoutingModelUnguarded } from './routing/learned/renderModel.js'
import { formatAnalysisText as formatAnalysisTextUnguarded, formatAnalysisMarkdown as formatAnalysisMarkdownUnguarded, formatCoverageSummary as formatCoverageSummaryUnguarded } from './analysis/formatAnalysis.js'
import { renderAnalysisHtml as renderAnalysisHtmlUnguarded } from './analysis/renderAnalysisHtml.js'
import { calendarOf as calendarOfUnguarded } from './calendar/defaultCalendar.js'
import { runEscalationScenarios as runEscalationScenariosUnguarded, runEscalationScenario as runEscalationScenarioUnguarded, compareEscalationExpectation as compareEscalationExpectationUnguarded } from './escalations/runEscalationScenarios.js'
import { validateMeetingRecord as validateMeetingRecordUnguarded } from './meetings/validateMeetingRecord.js'
import { runMeetingScenarios as runMeetingScenariosUnguarded, runMeetingScenario as runMeetingScenarioUnguarded, compareMeetingExpectation as compareMeetingExpectationUnguarded } from './meetings/runMeetingScenarios.js'
import { renderReportHtml as renderReportHtmlUnguarded } from './report/renderReportHtml.js'
import { renderReportMarkdown as renderReportMarkdownUnguarded } from './report/renderReportMarkdown.js'
import { summaryParagraph as summaryParagraphUnguarded } from './report/summaryParagraph.js'
import { createRedactor as createRedactorUnguarded } from './report/redact.js'
import { runReportScenarios as runReportScenariosUnguarded, runReportScenario as runReportScenarioUnguarded, compareReportExpectation as compareReportExpectationUnguarded } from './report/runReportScenarios.js'

// (Marked pure, so that a bundler leaves out the wrapped functions an app does not call.)
// Each public function below takes a safe snapshot of its arguments and throws only XiaobaoError
// (src/problems/publicFunction.ts); the other exports validate their own input.
const RULES: ArgumentSpec = { name: 'ruleSet', kind: 'ruleSet' }
const ENGINE: ArgumentSpec = { name: 'engine', kind: 'object' }
const ERROR: ArgumentSpec = { name: 'error', kind: 'object', optional: true }

export const ruleFileJsonSchemas = /* @__PURE__ */ publicFunction(ruleFileJsonSchemasUnguarded, [{ name: 'ruleSet', kind: 'ruleSet', optional: true }])
export const citationProblem = /* @__PURE__ */ publicFunction(citationProblemUnguarded, [RULES, { name: 'cite', kind: 'data' }])
export const ruleFilesHash = /* @__PURE__ */ publicFunction(ruleFilesHashUnguarded, [{ name: 'files', kind: 'data', type: 'array' }])
export const resolveCitation = /* @__PURE__ */ publicFunction(resolveCitationUnguarded, [RULES, { name: 'ref', kind: 'data' }])
export const formatCitation = /* @__PURE__ */ publicFunction(formatCitationUnguarded, [{ name: 'citation', kind: 'data', type: 'object' }])
export const runScenarios = /* @__PURE__ */ publicFunction(runScenariosUnguarded, [ENGINE, { name: 'scenarios', kind: 'data', type: 'array', optional: true }])
export const runScenario = /* @__PURE__ */ publicFunction(runScenarioUnguarded, [ENGINE, { name: 'scenario', kind: 'data', type: 'object' }])
export const compareExpectation = /* @__PURE__ */ publicFunction(compareExpectationUnguarded, [{ name: 'scenario', kind: 'data', type: 'object' }, { name: 'decision', kind: 'data' }, ERROR])
export const formatIssue = /* @__PURE__ */ publicFunction(formatIssueUnguarded, [{ name: 'issue', kind: 'data', type: 'object' }, { name: 'language', kind: 'data', type: 'string', optional: true }])
export const analyzeRuleSet = /* @__PURE__ */ publicFunction(analyzeRuleSetUnguarded, [RULES, { name: 'options', kind: 'data', type: 'object', optional: true }])
/** The learned review model's file (similar_cases_differ) from a loaded rule set's scenarios (frozen ones dropped first); deterministic. */
export const trainRoutingModel = /* @__PURE__ */ publicFunction(trainRoutingModelUnguarded, [RULES, { name: 'options', kind: 'data', type: 'object', optional: true }])
/** The model file's YAML text, as `xiaobao train` writes it. */
export const renderRoutingModel = /* @__PURE__ */ publicFunction(renderRoutingModelUnguarded, [{ name: 'model', kind: 'data', type: 'object' }])
export const formatAnalysisText = /* @__PURE__ */ publicFunction(formatAnalysisTextUnguarded, [{ name: 'analysis', kind: 'data', type: 'object' }, { name: 'options', kind: 'callbacks', type: 'object', optional: true }])
export const formatAnalysisMarkdown = /* @__PURE__ */ publicFunction(formatAnalysisMarkdownUnguarded, [{ name: 'analysis', kind: 'data', type: 'object' }, { name: 'options', kind: 'callbacks', type: 'object', optional: true }])
export const formatCoverageSummary = /* @__PURE__ */ publicFunction(formatCoverageSummaryUnguarded, [{ name: 'analysis', kind: 'data', type: 'object' }, { name: 'options', kind: 'callbacks', type: 'object', optional: true }])
export const renderAnalysisHtml = /* @__PURE__ */ publicFunction(renderAnalysisHtmlUnguarded, [{ name: 'analysis', kind: 'data', type: 'object' }, { name: 'options', kind: 'callbacks', type: 'object', optional: true }])
export const calendarOf = /* @__PURE__ */ publicFunction(calendarOfUnguarded, [{ name: 'ruleSet', kind: 'object' }])
export const runEscalationScenarios = /* @__PURE__ */ publicFunction(runEscalationScenariosUnguarded, [ENGINE, { name: 'scenarios', kind: 'data', type: 'array', optional: true }])
export const runEscalationScenario = /* @__PURE__ */ publicFunction(runEscalationScenarioUnguarded, [ENGINE, { name: 'scenario', kind: 'data', type: 'object' }])
export const compareEscalationExpectation = /* @__PURE__ */ publicFunction(compareEscalationExpectationUnguarded, [{ name: 'scenario', kind: 'data', type: 'object' }, { name: 'entries', kind: 'data' }, ERROR])
export const validateMeetingRecord = /* @__PURE__ */ publicFunction(validateMeetingRecordUnguarded, [{ name: 'input', kind: 'data' }])
export const runMeetingScenarios = /* @__PURE__ */ publicFunction(runMeetingScenariosUnguarded, [ENGINE, { name: 'scenarios', kind: 'data', type: 'array', optional: true }])
export const runMeetingScenario = /* @__PURE__ */ publicFunction(runMeetingScenarioUnguarded, [ENGINE, { name: 'scenario', kind: 'data', type: 'object' }])
export const compareMeetingExpectation = /* @__PURE__ */ publicFunction(compareMeetingExpectationUnguarded, [{ name: 'scenario', kind: 'data', type: 'object' }, { name: 'result', kind: 'data' }, ERROR])
export const renderReportHtml = /* @__PURE__ */ publicFunction(renderReportHtmlUnguarded, [{ name: 'summary', kind: 'data', type: 'object' }])
export const renderReportMarkdown = /* @__PURE__ */ publicFunction(renderReportMarkdownUnguarded, [{ name: 'summary', kind: 'data', type: 'object' }])
export const summaryParagraph = /* @__PURE__ */ publicFunction(summaryParagraphUnguarded, [{ name: 'summary', kind: 'data', type: 'object' }])
export const createRedactor = /* @__PURE__ */ publicFunction(createRedactorUnguarded, [{ name: 'patterns', kind: 'data', type: 'array' }])
export const runReportScenarios = /* @__PURE__ */ publicFunction(runReportScenariosUnguarded, [ENGINE, { name: 'scenarios', kind: 'data', type: 'array', optional: true }])
export const runReportScenario = /* @__PURE__ */ publicFunction(runReportScenarioUnguarded, [ENGINE, { name: 'scenario', kind: 'data', type: 'object' }])
export const compareReportExpectation = /* @__PURE__ */ publicFunction(compareReportExpectationUnguarded, [{ name: 'scenario', kind: 'data', type: 'object' }, { name: 'summary', kind: 'data', type: 'object' }, ERROR])

export { createEngine } from './engine/createEngine.js'
export { routeComplaint, routeComplaintSync } from './engine/routeBundled.js'
export { defaultRuleSet, bundledRuleFiles } from './engine/defaultRuleSet.js'
export { parseRuleSet, parseRuleSetOrThrow } from './capabilities.js'
export { XiaobaoError } from './problems/XiaobaoError.js'
export { complaintInput } from './routing/complaintInput.js'
export { isRouteError } from './routing/compiled/routeMany.js'
export { ROUTING_FACTS, BUILTIN_OPERATORS, TEXT_OPERATORS } from './routing/facts.js'
export { SECTION_IDS, isSectionId } from './sections.js'
export { ANALYSIS_CODES } from './analysis/types.js'
export { isWorkingDay, addWorkingDays, workingDaysBetween, createCalendar, defaultCalendar, CHINESE_DAYS_VERSION } from './calendar/index.js'
export { trackedItem, complaintItem, reportItem, meetingTaskItem } from './escalations/trackedItems.js'
export { DEADLINE_IDS, ESCALATION_STATUSES } from './escalations/schemas.js'
export { meetingRecordInput } from './meetings/recordInput.js'
export { MEETING_FACTS } from './meetings/facts.js'
export { reportRecord } from './report/recordInput.js'
export { recordsFromLines } from './report/ndjsonRecords.js'

export type { Engine, EngineOptions } from './engine/createEngine.js'
export type { RuleFileText } from './ruleset/parseRuleSet.js'
export type { RuleSet, ParseRuleSetResult } from './capabilities.js'
export type { RoutingModel } from './routing/learned/types.js'
export type { RoutingModelFile } from './routing/learned/schema.js'
export type { TrainOptions, TrainResult } from './routing/learned/trainRoutingModel.js'
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
export type { RoutingDecision, RoutingWarning, RuleHit, RuleEffect, SectionRef, WarningCode, RouteOptions, SimilarCases } from './routing/types.js'
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
