/**
 * The `report` rule-file kind (rules/report.yaml): the report's chapters with their basis, its settings,
 * how respondent names are merged, and the redaction patterns. Every mistake has its `file:line:col`;
 * each redaction pattern is run against its own examples when the file is loaded.
 */
import type { Issue } from '../problems/issue.js'
import type { KindContext, RuleFileKind } from '../ruleset/capability.js'
import { compilePattern, createRedactor } from './redact.js'
import { REPORT_CHAPTERS, reportFile, type ReportFile } from './schemas.js'
import type { ReportRuleSet } from './types.js'

type Based = { cites?: unknown[] | undefined; setBy?: 'bureau' | undefined }

/** A setting must rest on an article or say it is the bureau's own (`setBy: bureau`). */
function checkBasis(ctx: KindContext, value: Based, path: (string | number)[]): Issue[] {
  if (value.cites !== undefined || value.setBy !== undefined) return []
  return [
    ctx.issueAt(
      path,
      'missing_field',
      '须写依据：cites（所依据的条文）或 setBy: bureau（本局自行设定）。',
      'needs a basis: cites (the article it rests on) or setBy: bureau (the bureau’s own setting).',
    ),
  ]
}

function loadReport(data: ReportFile, ruleSet: ReportRuleSet, ctx: KindContext): Issue[] {
  const issues: Issue[] = []
  const seen = new Map<string, number>()
  data.chapters.forEach((chapter, i) => {
    issues.push(...ctx.checkCites(chapter.cites, ['chapters', i, 'cites']))
    if (seen.has(chapter.id)) issues.push(ctx.issueAt(['chapters', i, 'id'], 'invalid_value', `章节 ${chapter.id} 写了两次（第一次在第 ${seen.get(chapter.id)! + 1} 项）。`, `chapter ${chapter.id} is listed twice.`))
    seen.set(chapter.id, i)
  })
  const missing = REPORT_CHAPTERS.filter((id) => !seen.has(id))
  if (missing.length) {
    issues.push(ctx.issueAt(['chapters'], 'missing_field', `缺少章节：${missing.join('、')}。报告须有这些章节（${REPORT_CHAPTERS.join('、')}），每章写明依据。`, `missing chapter(s): ${missing.join(', ')}. The report has these chapters (${REPORT_CHAPTERS.join(', ')}), each with its basis.`, { preferKey: true }))
  }
  issues.push(...ctx.checkCites(data.recipients.cites, ['recipients', 'cites']))
  for (const [name, value] of Object.entries(data.settings)) {
    issues.push(...checkBasis(ctx, value, ['settings', name]))
    if (value.cites) issues.push(...ctx.checkCites(value.cites, ['settings', name, 'cites']))
  }
  issues.push(...checkBasis(ctx, data.respondentNames, ['respondentNames']))
  const all = createRedactor(data.redaction)
  data.redaction.forEach((pattern, i) => {
    const at = ['redaction', i]
    issues.push(...ctx.claimId(`report.redaction.${pattern.id}`, [...at, 'id']))
    issues.push(...checkBasis(ctx, pattern, at))
    if (pattern.cites) issues.push(...ctx.checkCites(pattern.cites, [...at, 'cites']))
    if (/\d/.test(pattern.replacement)) {
      issues.push(ctx.issueAt([...at, 'replacement'], 'invalid_value', '替换文字不得含数字（否则公开版里仍会出现数字串）。', 'the replacement must contain no digits.'))
    }
    const regex = compilePattern(pattern.pattern)
    if (!(regex instanceof RegExp)) {
      issues.push(ctx.issueAt([...at, 'pattern'], 'invalid_value', `不是有效的正则表达式：${regex.error}`, `not a valid regular expression: ${regex.error}`))
      return
    }
    const one = createRedactor([pattern])
    pattern.examples.redacts.forEach((example, j) => {
      const matched = [...example.matchAll(regex)].map((m) => m[0]).filter((m) => m.length > 0)
      const survivors = matched.filter((m) => all(example).includes(m))
      if (matched.length === 0 || one(example) === example) {
        issues.push(ctx.issueAt([...at, 'examples', 'redacts', j], 'invalid_value', `例子 "${example}" 没有被 ${pattern.id} 遮盖。请改正则表达式或例子。`, `example "${example}" is not redacted by ${pattern.id}; fix the pattern or the example.`))
      } else if (survivors.length) {
        issues.push(ctx.issueAt([...at, 'examples', 'redacts', j], 'invalid_value', `例子 "${example}" 遮盖后仍含 "${survivors[0]}"。`, `example "${example}" still contains "${survivors[0]}" after redaction.`))
      }
    })
    pattern.examples.keeps?.forEach((example, j) => {
      if (one(example) !== example) {
        issues.push(ctx.issueAt([...at, 'examples', 'keeps', j], 'invalid_value', `例子 "${example}" 不应被 ${pattern.id} 改动，实际成了 "${one(example)}"。`, `example "${example}" should be kept by ${pattern.id}, became "${one(example)}".`))
      }
    })
  })
  const { kind: _kind, ...rest } = data
  ruleSet.report = { ...rest, at: ctx.at(['kind']) }
  return issues
}

/**
 * The `report` file kind: it only refers to names (articles), and there is one (a second is the
 * loader's `duplicate_file`).
 */
export const reportFileKind: RuleFileKind<ReportFile, ReportRuleSet> = {
  kind: 'report',
  schema: reportFile,
  role: 'refers',
  max: 1,
  load: loadReport,
}
