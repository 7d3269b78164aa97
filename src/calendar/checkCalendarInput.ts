/**
 * Checks the input of `createCalendar`: every year file and the provisional file against its schema and
 * for consistency, no year twice, no unknown option. Every problem is listed in one `XiaobaoError`.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { Issue } from '../problems/issue.js'
import { calendarFile, calendarProvisionalFile, type CalendarFile, type CalendarProvisionalFile } from './schemas.js'
import type { CreateCalendarInput } from './types.js'
import { validateCalendarProvisional } from './validateCalendarProvisional.js'
import { validateCalendarYear } from './validateCalendarYear.js'

/** Checks the inputs of `createCalendar`: every file against its schema and for consistency; no year twice. */
export function checkCalendarInput(input: CreateCalendarInput): CreateCalendarInput {
  const issues: Issue[] = []
  if (input === null || typeof input !== 'object') {
    issues.push(inputIssue([], '应为对象 { years?, provisionalHolidays?, usePackageData? }', 'must be an object { years?, provisionalHolidays?, usePackageData? }'))
    throw new XiaobaoError(issues as [Issue, ...Issue[]])
  }
  const unknown = Object.keys(input).filter((key) => !['years', 'provisionalHolidays', 'usePackageData'].includes(key))
  for (const key of unknown) issues.push(inputIssue([key], '是未知的选项', 'is not a known option'))
  if (input.usePackageData !== undefined && typeof input.usePackageData !== 'boolean') {
    issues.push(inputIssue(['usePackageData'], '应为 true 或 false', 'must be true or false'))
  }
  const years: CalendarFile[] = []
  if (input.years !== undefined && !Array.isArray(input.years)) {
    issues.push(inputIssue(['years'], '应为年份文件的列表', 'must be a list of year files'))
  } else {
    const seen = new Set<number>()
    ;(input.years ?? []).forEach((file, index) => {
      const parsed = calendarFile.safeParse(file)
      if (!parsed.success) {
        for (const zi of parsed.error.issues) issues.push(schemaIssue(['years', index, ...pathOf(zi.path)], '年份文件（kind: calendar）', 'a year file (kind: calendar)', zi.message))
        return
      }
      for (const issue of validateCalendarYear(parsed.data)) issues.push({ ...issue, path: ['years', index, ...(issue.path ?? [])] })
      if (seen.has(parsed.data.year)) {
        issues.push(inputIssue(['years', index, 'year'], `：${parsed.data.year} 年出现了两次`, `: year ${parsed.data.year} is given twice`))
      }
      seen.add(parsed.data.year)
      years.push(parsed.data)
    })
  }
  let provisionalHolidays: CalendarProvisionalFile | undefined
  if (input.provisionalHolidays !== undefined) {
    const parsed = calendarProvisionalFile.safeParse(input.provisionalHolidays)
    if (!parsed.success) {
      for (const zi of parsed.error.issues) issues.push(schemaIssue(['provisionalHolidays', ...pathOf(zi.path)], '暂行规则文件（kind: calendar-provisional）', 'the provisional file (kind: calendar-provisional)', zi.message))
    } else {
      for (const issue of validateCalendarProvisional(parsed.data)) issues.push({ ...issue, path: ['provisionalHolidays', ...(issue.path ?? [])] })
      provisionalHolidays = parsed.data
    }
  }
  const errors = issues.filter((issue) => issue.severity === 'error')
  if (errors.length) throw new XiaobaoError(errors as [Issue, ...Issue[]])
  return { years, usePackageData: input.usePackageData ?? true, ...(provisionalHolidays ? { provisionalHolidays } : {}) }
}

function pathOf(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((p): p is string | number => typeof p !== 'symbol')
}

function schemaIssue(path: (string | number)[], what: string, whatEn: string, detail: string): Issue {
  return inputIssue(path, `不符合${what}的格式（${detail}）`, `does not fit ${whatEn} (${detail})`)
}

function inputIssue(path: (string | number)[], message: string, messageEn: string): Issue {
  const where = path.length ? path.join('.') : 'createCalendar 的参数'
  const whereEn = path.length ? path.join('.') : 'the argument of createCalendar'
  return { code: 'invalid_input', severity: 'error', message: `${where} ${message}`, messageEn: `${whereEn} ${messageEn}`, path }
}
