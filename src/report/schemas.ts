/**
 * The zod schemas of the report's rule files: `kind: report` (rules/report.yaml: the report's chapters
 * and their basis, its settings, the redaction patterns) and its scenarios (`kind: scenarios`,
 * `target: report`). The JSON Schemas in rules/schemas/ are generated from them; checks that need more
 * than one field (a pattern against its examples, a setting's basis) live in reportKind.ts.
 */
import * as z from 'zod'
import { citationRef, expectingSomething, isoDate } from '../ruleset/schemas.js'

/** The chapters every report has, in this order. */
export const REPORT_CHAPTERS = ['overview', 'handling', 'sections', 'hot-spots', 'appendix'] as const
export type ReportChapterId = (typeof REPORT_CHAPTERS)[number]

export const AUDIENCES = ['internal', 'public'] as const
export type Audience = (typeof AUDIENCES)[number]

const basis = {
  cites: z.array(citationRef).min(1).optional().describe('依据的条文 / the article items it rests on'),
  setBy: z.literal('bureau').optional().describe('bureau：本局自行设定，不是条文原话 / the bureau’s own setting'),
  note: z.string().optional(),
}

/** A setting: its value, and either the article it rests on or `setBy: bureau` (checked by the kind). */
const setting = <T extends z.ZodType>(value: T, describe: string) => z.strictObject({ value, ...basis }).describe(describe)
const count = (max: number) => z.number().int().min(1).max(max)

export const reportSettings = z.strictObject({
  minTrendCount: setting(count(100_000), '上升热点的最小件数：本期少于此数的不算趋势 / a category or term needs this many items in the period to be a trend'),
  minRecurringMonths: setting(count(12), '反复出现的问题：至少在几个月份出现 / a recurring term appears in at least this many months'),
  smallCellThreshold: setting(count(1000), '公开版中小于此数的格子显示为“<n” / public cells below this show as "<n"'),
  nameBusinessesPublicly: setting(z.boolean(), '公开版是否点名被投诉最多的经营者 / may the public report name businesses'),
  topCount: setting(count(100), '热点、经营者等排行列出的条数 / rows in each ranking'),
  quoteLength: setting(z.number().int().min(0).max(500), '典型问题摘录的最大字数，0 为不摘录 / characters quoted per example, 0 for none'),
})

export const redactionPattern = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'rule_id' }).describe('稳定的编号，如 phone'),
  name: z.string().min(1).describe('名称，如 手机号码'),
  replacement: z.string().min(1).describe('替换成的文字，如 〔电话〕；不得含数字'),
  pattern: z.string().min(1).describe('JavaScript 正则表达式（按 gu 标志执行）/ a JavaScript regular expression, run with the gu flags'),
  examples: z
    .strictObject({
      redacts: z.array(z.string().min(1)).min(1).describe('应被遮盖的例子：遮盖后不得再含被匹配的文字'),
      keeps: z.array(z.string().min(1)).optional().describe('不应被改动的例子'),
    })
    .describe('载入时逐条检验 / checked when the file is loaded'),
  ...basis,
})

export const reportFile = z.strictObject({
  kind: z.literal('report'),
  title: z.string().min(1).describe('报告标题，如 消费维权数据分析报告'),
  chapters: z
    .array(
      z.strictObject({
        id: z.enum(REPORT_CHAPTERS),
        title: z.string().min(1),
        cites: z.array(citationRef).min(1).describe('本章依据 / the chapter’s basis'),
      }),
    )
    .min(1),
  recipients: z
    .strictObject({ names: z.array(z.string().min(1)).min(1), cites: z.array(citationRef).min(1) })
    .describe('报告报送的单位 / whom the report is sent to'),
  settings: reportSettings,
  uncategorised: z.strictObject({ id: z.string().min(1), name: z.string().min(1) }).describe('没有商品和服务类别的件归入此类'),
  respondentNames: z
    .strictObject({
      strip: z.array(z.string().min(1)).describe('归并经营者名称时去掉的字样，如 有限公司'),
      ...basis,
    })
    .describe('被投诉经营者名称的归并 / normalising respondent names'),
  redaction: z.array(redactionPattern).min(1).describe('公开版中从引用文字里遮盖的个人信息，按顺序执行'),
})

export type ReportFile = z.infer<typeof reportFile>
export type ReportSettings = z.infer<typeof reportSettings>
export type RedactionPattern = z.infer<typeof redactionPattern>

const period = z.strictObject({ from: isoDate, to: isoDate })

export const reportScenario = z.strictObject({
  name: z.string().min(1),
  note: z.string().optional(),
  from: isoDate,
  to: isoDate,
  compareWith: period.optional(),
  audience: z.enum(AUDIENCES).optional(),
  provisional: z.boolean().optional(),
  records: z.array(z.unknown()).describe('记录，格式同 summarizeRecords 的输入（运行时校验，坏记录进附录）'),
  expect: expectingSomething(z.strictObject({
    summary: z.unknown().optional().describe('期望的部分结果：写出的键须相等，列表须等长且逐项相符'),
    contains: z.array(z.string()).optional().describe('JSON 和 Markdown 输出都应包含的文字'),
    notContains: z.array(z.string()).optional().describe('JSON 和 Markdown 输出都不得包含的文字（如电话号码）'),
    error: z.string().optional().describe('期望的错误代码，如 invalid_input'),
  })),
})

export const reportScenariosFile = z.strictObject({
  kind: z.literal('scenarios'),
  target: z.literal('report'),
  description: z.string().optional(),
  scenarios: z.array(reportScenario).min(1),
})

export type ReportScenariosFile = z.infer<typeof reportScenariosFile>
export type ReportScenario = z.infer<typeof reportScenario>
