/**
 * chinese-days' `dist/chinese-days.json` read into `Notice[]`: at `npm run gen` (test/tools/holidayTable.ts
 * encodes the result into holidayTable.generated.ts) and in tests. Nothing at run time imports the JSON.
 */
import { xiaobaoError } from '../problems/XiaobaoError.js'
import { isRealDate, toDayNumber, yearOfIso } from '../dates/index.js'
import type { Notice } from './notice.js'

/** The version pinned in package.json (a test checks they agree; `npm run gen` refuses another). */
export const CHINESE_DAYS_VERSION = '1.5.7'

/** What a make-up working day's note adds to its holiday's name (`春节调休上班`). */
export const MAKEUP_NOTE_SUFFIX = '调休上班'

/** Entries look like `"2026-02-15": "Spring Festival,春节,4"` (English, Chinese, statutory days). */
type DayTable = Record<string, string>

/**
 * The notices from the package's JSON itself (`npm run gen` encodes them; tests compare). Checks the
 * format, so a chinese-days release that changes it fails at generation time.
 */
export function buildPackageNotices(tables: { holidays: DayTable; workdays: DayTable }): Notice[] {
  const byYear = new Map<number, Notice>()
  const noticeFor = (year: number) => {
    let notice = byYear.get(year)
    if (!notice) byYear.set(year, (notice = { year, from: 'package', rest: new Map(), makeup: new Map() }))
    return notice
  }
  const read = (table: DayTable, add: (notice: Notice, day: number, name: string) => void) => {
    for (const [date, value] of Object.entries(table)) {
      const [english, chinese] = String(value).split(',')
      if (!isRealDate(date) || !english || !chinese) {
        throw xiaobaoError(
          'invalid_value',
          `chinese-days 的数据格式与预期不符（"${date}": ${JSON.stringify(value)}）。请核对 chinese-days 的版本（应为 ${CHINESE_DAYS_VERSION}）。`,
          `chinese-days data is not in the expected format ("${date}": ${JSON.stringify(value)}). Check the chinese-days version (expected ${CHINESE_DAYS_VERSION}).`,
        )
      }
      const noticeYear = yearOfIso(date) + (date.slice(5, 7) === '12' && english === "New Year's Day" ? 1 : 0)
      add(noticeFor(noticeYear), toDayNumber(date), chinese)
    }
  }
  read(tables.holidays, (notice, day, name) => notice.rest.set(day, name))
  read(tables.workdays, (notice, day, name) => notice.makeup.set(day, name + MAKEUP_NOTE_SUFFIX))
  return [...byYear.values()].filter((notice) => notice.rest.size > 0).sort((a, b) => a.year - b.year)
}
