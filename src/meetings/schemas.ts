/**
 * The zod schemas of the joint-meeting rule files: the procedure (`kind: procedure`) and its scenarios
 * (`kind: scenarios`, `target: meeting`). The JSON Schemas in rules/schemas/ are generated from them.
 */
import * as z from 'zod'
import { citationRef, expectingSomething, topCondition } from '../ruleset/schemas.js'
import { INDEX_FACTS } from './facts.js'

const bilingual = z.strictObject({
  zh: z.string().min(1).describe('中文'),
  en: z.string().min(1).describe('English'),
})

/** A stable check code, the same shape as a rule id: `decision.majority-vote`. */
export const checkCode = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'rule_id' }).describe('稳定的检查代码 / stable check code')

/** A finding code in a scenario's expectation: the folder's JSON Schemas list the procedure's codes here. */
const findingCode = checkCode.meta({ description: '检查（发现）代码，须是 procedures/ 中某项检查的 code / a check code from the procedure file', 'x-xiaobao': 'finding-code' })

export const procedureParam = z
  .strictObject({
    value: z.union([z.number(), z.string(), z.boolean()]).describe('取值 / value'),
    unit: z.string().min(1).optional().describe('单位，如 "自然日" / unit, e.g. calendar days'),
    setBy: z
      .enum(['bureau', 'regulation'])
      .describe('bureau：原文未规定、由本局设定；regulation：原文的规定 / the bureau’s own setting, or the regulation’s words'),
    description: bilingual,
  })
  .describe('参数 / a named parameter')

export const meetingCheckSpec = z.strictObject({
  code: checkCode,
  severity: z.enum(['violation', 'warning']).describe('violation：不合规；warning：提示 / violation makes the meeting non-compliant'),
  cites: z.array(citationRef).min(1).describe('依据 / the article items this check rests on'),
  message: bilingual.describe('发现的说明，可用 {事实名}、{params.参数名}、{n}（第几条）/ may use {fact}, {params.name}, {n}'),
  path: z
    .array(z.string().min(1))
    .min(1)
    .describe("指向记录中的字段，如 [meeting, chairedBy]；与 each 同用时以 '*' 代表序号 / the record field; '*' stands for the position with each"),
  each: z
    .enum(Object.keys(INDEX_FACTS) as [keyof typeof INDEX_FACTS, ...(keyof typeof INDEX_FACTS)[]])
    .optional()
    .describe('对该事实列出的每个序号各给一条发现 / one finding per position this fact lists'),
  description: z.string().optional(),
  when: topCondition.describe('json-rules-engine 条件，事实见 MEETING_FACTS'),
})

export const procedureFile = z.strictObject({
  kind: z.literal('procedure'),
  procedure: z.literal('joint-meeting').describe('程序名 / which procedure'),
  title: z.string().min(1),
  params: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), procedureParam)
    .default({})
    .describe('原文未定、由本局设定的数值等 / settings the text leaves open'),
  checks: z.array(meetingCheckSpec).min(1),
})

export const meetingExpectation = expectingSomething(z.strictObject({
  compliant: z.boolean().optional(),
  findings: z.array(findingCode).optional().describe('发现的代码，顺序无关，须完全一致 / exactly these codes'),
  includes: z.array(findingCode).optional().describe('须包含的代码 / codes that must be among the findings'),
  excludes: z.array(findingCode).optional().describe('不得出现的代码 / codes that must not be among them'),
  error: z.string().optional().describe('期望的错误代码（坏输入），如 invalid_input'),
}))

export const meetingScenario = z.strictObject({
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()).optional().describe('完整的会议记录 / a whole record'),
  changes: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('在 baseline 上的改动：映射逐层合并，列表整体替换，null 删除该字段 / changes to the baseline'),
  expect: meetingExpectation,
})

export const meetingScenariosFile = z.strictObject({
  kind: z.literal('scenarios'),
  target: z.literal('meeting'),
  baseline: z.record(z.string(), z.unknown()).optional().describe('合规的基准会议记录 / a compliant record the changes apply to'),
  scenarios: z.array(meetingScenario).min(1),
})

export type ProcedureFile = z.infer<typeof procedureFile>
export type MeetingCheckSpec = z.infer<typeof meetingCheckSpec>
export type ProcedureParam = z.infer<typeof procedureParam>
export type MeetingScenariosFile = z.infer<typeof meetingScenariosFile>
export type MeetingScenario = z.infer<typeof meetingScenario>
export type MeetingExpectation = z.infer<typeof meetingExpectation>
