/**
 * The calendar's computation messages (Chinese, English alongside): what staff must add when a year is
 * not covered.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { CalendarProvisionalFile } from './schemas.js'

/** "2004–2026" or "2004–2026、2028". */
function yearRanges(years: number[]): string {
  const parts: string[] = []
  for (let i = 0; i < years.length; ) {
    let j = i
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++
    parts.push(i === j ? `${years[i]}` : `${years[i]}–${years[j]}`)
    i = j + 1
  }
  return parts.join('、')
}

/**
 * `provisionalRules`: undefined when the caller did not ask for provisional rules; null when asked but
 * none are loaded; the rules when they do not reach back to `year`.
 */
export function coverageError(
  year: number,
  coveredYears: number[],
  provisionalRules: CalendarProvisionalFile | null | undefined,
  /** The last year the lunar and solar-term tables reach, when `year` lies beyond it. */
  tablesEnd?: number,
) {
  const covered = coveredYears.length ? yearRanges(coveredYears) : '无'
  const coveredEn = coveredYears.length ? yearRanges(coveredYears).replaceAll('、', ', ') : 'none'
  const add = `请按国务院办公厅关于${year}年部分节假日安排的通知添加 rules/calendar/${year}.yaml`
  const addEn = `Add rules/calendar/${year}.yaml from the State Council's notice on the ${year} holidays`
  let message: string
  let messageEn: string
  if (provisionalRules === undefined) {
    message =
      `${year} 年的放假调休安排尚未收录（已收录：${covered} 年），无法计算工作日。${add}。` +
      `通知发布前如需估算，可传入 { provisional: true }，结果会标明为暂定（按《全国年节及纪念日放假办法》计周末和法定节日，含春节等农历节日和清明，不含补假和调休）。`
    messageEn =
      `The holiday arrangement for ${year} is not known (covered: ${coveredEn}), so working days cannot be counted. ${addEn}. ` +
      `Until the notice is out, pass { provisional: true } for an estimate marked provisional (weekends and the statutory holidays of the 全国年节及纪念日放假办法, lunar ones and 清明 included; no days in lieu, no make-up days).`
  } else if (provisionalRules === null) {
    message = `${year} 年的放假调休安排尚未收录（已收录：${covered} 年），且未加载暂行规则（rules/calendar/provisional.yaml），无法估算。${add}，或在创建日历时传入 provisionalHolidays。`
    messageEn = `The holiday arrangement for ${year} is not known (covered: ${coveredEn}) and no provisional rules (rules/calendar/provisional.yaml) are loaded. ${addEn}, or pass provisionalHolidays when creating the calendar.`
  } else if (tablesEnd !== undefined) {
    message = `${year} 年的放假调休安排尚未收录（已收录：${covered} 年）。暂行规则中的农历节日和节气只能算到 ${tablesEnd} 年，无法估算 ${year} 年。${add}。`
    messageEn = `The holiday arrangement for ${year} is not known (covered: ${coveredEn}). The provisional rules' lunar holidays and solar terms can be computed up to ${tablesEnd} only, not for ${year}. ${addEn}.`
  } else {
    message = `${year} 年的放假调休安排尚未收录（已收录：${covered} 年）。暂行规则依据的《${provisionalRules.basis.title}》自 ${provisionalRules.basis.effectiveFrom} 起施行，不适用于 ${year} 年。${add}。`
    messageEn = `The holiday arrangement for ${year} is not known (covered: ${coveredEn}). The provisional rules rest on a text in force from ${provisionalRules.basis.effectiveFrom} and do not apply to ${year}. ${addEn}.`
  }
  return new XiaobaoError([{ code: 'calendar_coverage', severity: 'error', message, messageEn }])
}
