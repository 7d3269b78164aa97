/**
 * xiaobao（消保）: the county market-regulation bureau's consumer-rights regulation as code.
 * Isomorphic core: no `node:` imports anywhere under this entry.
 */
export { createEngine } from './engine/createEngine.js'
export { defaultRuleSet, bundledRuleFiles } from './engine/defaultRuleSet.js'
export { parseRuleSet, parseRuleSetOrThrow, citationProblem } from './ruleset/parseRuleSet.js'
export { ruleFileJsonSchemas } from './ruleset/jsonSchemas.js'
export { resolveCitation, formatCitation } from './ruleset/citations.js'
export { runScenarios, runScenario, compareExpectation } from './scenarios/runScenarios.js'
export { XiaobaoError } from './problems/XiaobaoError.js'
export { formatIssue } from './problems/issue.js'
export { complaintInput } from './routing/complaintInput.js'
export { ROUTING_FACTS, BUILTIN_OPERATORS, TEXT_OPERATORS } from './routing/facts.js'
export { SECTION_IDS, isSectionId } from './sections.js'

export type { Engine, EngineOptions } from './engine/createEngine.js'
export type { RuleFileText, ParseRuleSetResult } from './ruleset/parseRuleSet.js'
export type { RuleSet, Citation, SourceLocation, DocId, RoutingRule, IntakeRule, ScreeningRule, ScenarioRecord } from './ruleset/types.js'
export type { Issue, IssueCode, LoadIssueCode, InputIssueCode, Result, Severity } from './problems/issue.js'
export type { ComplaintInput, Complaint } from './routing/complaintInput.js'
export type { RoutingDecision, RoutingWarning, RuleHit, RuleEffect, SectionRef, WarningCode, RouteOptions } from './routing/types.js'
export type { ConditionTrace, KeywordEvidence } from './routing/explainCondition.js'
export type { ScenarioResult } from './scenarios/runScenarios.js'
export type { SectionId } from './sections.js'
