/**
 * What `analyzeRuleSet` returns: findings about the rules themselves (gaps, overlaps, masked and dead
 * rules, untested conditions, contradictory scenarios) and the coverage tables behind them.
 */
import type { ComplaintInput } from '../routing/complaintInput.js'
import type { MeetingScenarioRecord } from '../meetings/types.js'
import type { DocId, RuleSetProvenance, SourceLocation } from '../ruleset/types.js'
import type { ScenarioRecord } from '../routing/ruleSet.js'
import type { SectionId } from '../sections.js'

export type AnalysisSeverity = 'error' | 'warning' | 'info'

/** Stable codes of analysis findings (like zod's issue codes), in the order of the five checks. */
export const ANALYSIS_CODES = [
  // 1. coverage of the regulation
  'duty_not_cited', // 标为分办职责（routing: true）的项没有任何规则引用
  'duty_unmarked', // 既没有规则引用，也没有标明不是分办职责
  'duty_marked_not_but_cited', // 标为“不是分办职责”，却有规则引用
  'procedure_item_unchecked', // 议事程序条款（seq 22-26）的项没有会议检查引用
  'procedure_not_loaded', // 规则集里没有联席会议程序文件
  'time_limit_unenforced', // 国家规定的时限没有期限规则引用
  'deadlines_not_loaded', // 规则集里没有期限规则
  // 2. collisions
  'lead_collision', // 不同股室、优先级相同的两条主办规则可以同时命中
  // 3. shadowed and dead rules
  'rule_shadowed', // 每逢命中都有更高优先级的主办规则同时命中，永远当不了主办
  'rule_expired', // 生效期间已过
  'rule_not_yet_in_force', // 生效期间在分析日期之后才开始
  'rule_unsatisfiable', // 条件自相矛盾，永远不会命中
  'vocabulary_unused', // 关键词表没有任何规则引用
  'keyword_shared', // 同一个关键词出现在相互竞争的主办规则所用的两个关键词表里
  'keyword_inside_other_keyword', // 关键词是其他股室关键词的一部分（含长词的投诉也会命中它）
  'keyword_in_word_of_other_meaning', // 关键词出现在别的类别的词里（另有含义）
  'keyword_never_in_field', // 关键词在实地语料里从未出现
  'keyword_in_common_word', // 关键词出现在通用词表里另有含义的词中（通用词表由调用方给出）
  'keyword_not_in_normal_form', // 关键词写成了异写（繁体字、错别字），来件按异写表改读后永远不会命中
  // 4. test coverage
  'rule_never_fired', // 没有任何测试场景使它命中
  'duty_unexercised', // 分办职责没有任何测试场景走到
  'condition_untested', // 规则中的某些条件在测试中从未为真或从未为假
  // 5. scenario health
  'scenario_conflict', // 输入相同、期望矛盾
  'scenario_duplicate', // 输入和期望都相同
  'scenario_unknown_section', // 期望里的股室没有股室文件
] as const

export type AnalysisCode = (typeof ANALYSIS_CODES)[number]

/** A complaint that makes two rules fire, and what happens to it today. */
export interface CollisionExample {
  /** The complaint text (as a clerk would type it). */
  text: string
  /** The whole complaint input that triggers both rules; paste it into `xiaobao route`. */
  input: ComplaintInput
  /** From a scenario of the suite, or built by the analyzer from the rules' own keyword lists. */
  source: 'scenario' | 'constructed'
  /** The scenario's name when `source` is `scenario`. */
  scenario?: string
  /** The rule that decides the lead today (decide's tie-break: rule id order). */
  winner: string
  /** The section that leads today. */
  lead: SectionId
  /** The keywords of each rule found in the text. */
  keywords: Record<string, string[]>
}

export interface Finding {
  code: AnalysisCode
  severity: AnalysisSeverity
  /** 中文说明，告诉作者怎么改 / what to do, in Chinese. */
  message: string
  messageEn: string
  /** `file:line:col` of the rules, vocabularies, articles or scenarios concerned (first is the main one). */
  locations: SourceLocation[]
  /** For collisions: a complaint that triggers both rules. */
  example?: CollisionExample
  /** Rule (or check) ids concerned. */
  rules?: string[]
}

/** One duty item of seq 3-21: who cites it, which scenarios reach it. */
export interface DutyCoverageRow {
  seq: number
  printed: string
  section?: SectionId
  sectionName?: string
  item: number
  label?: string
  text: string
  /** `duty`: routing: true; `not`: marked not a routing duty; `unmarked`: neither. */
  routing: 'duty' | 'not' | 'unmarked'
  notReason?: string
  /** Routing, intake and screening rules citing the item (and `config.fallback`). */
  rules: string[]
  /** Scenarios whose decision rests on the item (it is in the decision's basis). */
  scenarios: string[]
  at: SourceLocation
}

/** One item of the procedure articles (seq 22-26): which meeting checks enforce it. */
export interface ProcedureCoverageRow {
  seq: number
  printed: string
  item: number
  label?: string
  text: string
  checks: string[]
  /** The item is marked `check: { not: reason }`: it lists the meeting's work, not how a meeting is run. */
  notChecked?: string
  /** Meeting scenarios in which a check citing the item fired. */
  scenarios: string[]
  at: SourceLocation
}

/** One national time limit (《暂行办法》, 《处罚程序规定》): which rules enforce it. */
export interface TimeLimitCoverageRow {
  doc: DocId
  /** The regulation's title, e.g. 市场监督管理投诉举报处理暂行办法. */
  docTitle: string
  seq: number
  printed: string
  item?: number
  label?: string
  /** The phrase that sets the limit, e.g. 七个工作日内. */
  limit: string
  text: string
  /** Deadline rules citing it. */
  deadlineRules: string[]
  /** Other rules (screening, routing) citing it. */
  rules: string[]
  scenarios: string[]
  at: SourceLocation
}

/** How often the scenario suite made one condition of a rule true, and false. */
export interface ConditionCoverage {
  /** Where the condition sits inside `when`, e.g. `when.all[1].any[0]`. */
  path: string
  /** The condition as text: `text containsAny 食品`, or `all`/`any`/`not`. */
  condition: string
  madeTrue: number
  madeFalse: number
}

export interface RuleCoverageRow {
  rule: string
  /** The rule's Chinese description (a meeting check's title). */
  description?: string
  stage: 'intake' | 'screening' | 'routing' | 'meeting'
  section?: SectionId
  role?: 'lead' | 'assist'
  priority?: number
  /** Scenarios in which the rule applied (kind, effective period) and was evaluated. */
  evaluated: number
  /** Scenarios in which it fired. */
  fired: number
  /** Scenarios in which it decided: the lead, the intake, the screening outcome (or a meeting finding). */
  decided: number
  conditions: ConditionCoverage[]
  at: SourceLocation
}

export interface AnalysisCoverage {
  duties: DutyCoverageRow[]
  /** `null` when the rule set has no joint-meeting procedure. */
  procedure: ProcedureCoverageRow[] | null
  timeLimits: TimeLimitCoverageRow[]
  rules: RuleCoverageRow[]
}

export interface AnalysisSummary {
  errors: number
  warnings: number
  infos: number
  /** The date rules' effective periods are judged on. */
  asOf?: string
  scenarios: number
  meetingScenarios: number
  rules: { total: number; fired: number }
  conditions: { total: number; madeTrue: number; madeFalse: number; bothWays: number }
  duties: { items: number; routing: number; cited: number; exercised: number; notRouting: number; unmarked: number }
  procedure?: { items: number; checked: number; exercised: number }
  timeLimits: { items: number; enforced: number; deadlineRulesLoaded: boolean }
  collisions: number
  /** Which rules were analysed: config.yaml's `version` and the content hash of the rule files. */
  ruleSet: RuleSetProvenance
}

export interface Analysis {
  /** Errors first, then warnings, then infos; within a severity by code, then by location. */
  findings: Finding[]
  coverage: AnalysisCoverage
  summary: AnalysisSummary
}

export interface AnalyzeOptions {
  /** The routing scenarios to measure against (default: the rule set's own). */
  scenarios?: readonly ScenarioRecord[]
  /** The meeting scenarios (default: the rule set's own). */
  meetingScenarios?: readonly MeetingScenarioRecord[]
  /**
   * The day effective periods are judged on, `YYYY-MM-DD`. Default: the latest `receivedOn` among the
   * scenarios. The analysis never reads the clock.
   */
  asOf?: string
  /**
   * A general Chinese word list (one word per entry), for `keyword_in_common_word`: a keyword inside a
   * common word of another meaning. The core bundles none; `xiaobao analyze --words FILE` reads one.
   */
  commonWords?: readonly string[]
}
