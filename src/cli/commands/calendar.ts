/**
 * `xiaobao calendar 2026`: a year's rest days and make-up working days (调休上班日) as the calendar uses
 * them, and where the data comes from (the State Council notice in rules/calendar/, or chinese-days).
 */
import type { Engine } from '../../engine/createEngine.js'
import type { YearDays } from '../../calendar/createCalendar.js'
import { CHINESE_DAYS_VERSION } from '../../calendar/packageNotices.js'
import { toDayNumber, weekdayName } from '../../dates/index.js'
import { write, type CliIo } from '../io.js'

export const calendarHelp = `xiaobao calendar YEAR [--json] [--provisional] [--rules DIR]
  列出某年的放假日和调休上班日，以及数据来源（国务院办公厅通知，或 chinese-days 数据）。
  A year's rest days and make-up working days, and the data's source.
  --json        输出 JSON / print JSON
  --provisional 尚无通知的年份，列出暂定的休息日（周末之外只有公历固定节日）/ for a year with no notice yet
  --rules DIR   使用该目录的规则（默认：内置规则）/ rules folder (default: bundled rules)
  尚无通知的年份：请按通知添加 rules/calendar/<年>.yaml。For a year with no notice, add rules/calendar/<year>.yaml.`

const weekday = (date: string) => weekdayName(toDayNumber(date), 'zh')

/** Consecutive rest days of one holiday as one line: `春节  2026-02-15（周日）至 2026-02-23（周一），9 天`. */
function restRuns(days: YearDays['restDays']): { name: string; from: string; to: string; count: number }[] {
  const runs: { name: string; from: string; to: string; count: number }[] = []
  for (const day of days) {
    const last = runs.at(-1)
    if (last && last.name === day.name && toDayNumber(day.date) === toDayNumber(last.to) + 1) {
      last.to = day.date
      last.count++
    } else runs.push({ name: day.name, from: day.date, to: day.date, count: 1 })
  }
  return runs
}

export function formatYearDays(days: YearDays): string {
  const lines = [`${days.year} 年放假调休安排 / holidays and make-up working days in ${days.year}`]
  if (days.from === 'yaml' && days.source) {
    const s = days.source
    lines.push(`来源 / source: 《${s.title}》${s.number ? `（${s.number}）` : ''}，${s.issuedOn} — rules/calendar/${days.year}.yaml`)
  } else if (days.from === 'package') {
    lines.push(`来源 / source: chinese-days ${CHINESE_DAYS_VERSION} 数据（国务院办公厅当年通知的整理）；需要核对原文时，请按通知添加 rules/calendar/${days.year}.yaml`)
  } else {
    const b = days.basis
    lines.push(
      `暂定 / provisional: ${days.year} 年尚无放假通知。以下按《${b?.title ?? '全国年节及纪念日放假办法'}》${b?.article ?? ''}（rules/calendar/provisional.yaml）列出法定节日，含春节等农历节日和清明；不含补假、连休和调休，以通知为准。`,
      `No notice for ${days.year} yet: the statutory holidays of rules/calendar/provisional.yaml, lunar ones and 清明 included; no days in lieu, bridges or make-up days until the notice.`,
    )
  }
  const runs = restRuns(days.restDays)
  lines.push('', `放假 / rest days（${days.restDays.length} 天）：`)
  for (const run of runs) {
    lines.push(
      run.count === 1
        ? `  ${run.name}  ${run.from}（${weekday(run.from)}），1 天`
        : `  ${run.name}  ${run.from}（${weekday(run.from)}）至 ${run.to}（${weekday(run.to)}），${run.count} 天`,
    )
  }
  lines.push('', `调休上班 / make-up working days（${days.makeupWorkdays.length} 天）：`)
  if (!days.makeupWorkdays.length) lines.push('  （无 / none）')
  for (const day of days.makeupWorkdays) lines.push(`  ${day.date}（${weekday(day.date)}）${day.note ? `  ${day.note}` : ''}`)
  return lines.join('\n') + '\n'
}

export async function calendarCommand(engine: Engine, yearText: string | undefined, io: CliIo, options: { json: boolean; provisional: boolean }): Promise<number> {
  if (yearText === undefined || !/^\d{4}$/.test(yearText)) {
    io.stderr.write(`${yearText === undefined ? '缺少年份 / missing the year' : `年份应为四位数字 / the year must be four digits: ${yearText}`}\n\n${calendarHelp}\n`)
    return 2
  }
  const days = engine.calendar.yearDays(Number(yearText), options.provisional ? { provisional: true } : {})
  await write(io.stdout, options.json ? JSON.stringify(days, null, 2) + '\n' : formatYearDays(days))
  return 0
}
