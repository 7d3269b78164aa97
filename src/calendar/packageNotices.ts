/**
 * The `chinese-days` package's holiday data, as the calendar uses it: the rest days and make-up working
 * days of each notice year with their Chinese names. Its `dist/chinese-days.json` (44 KB) is read at
 * `npm run gen` only and written as a table of day ranges (`holidayTable.generated.ts`, from
 * test/tools/holidayTable.ts), so no app carries the package: `packageNotices()` builds from the table the
 * same `Notice[]` that `buildPackageNotices` builds from the JSON (packageNotices.test.ts). Its functions
 * are not used: they parse dates in local time (a day off west of UTC) and treat years without data as
 * plain Monday–Friday.
 */
import { dayNumberOf } from '../dates/index.js'
import { MAKEUP_NOTE_SUFFIX } from './buildPackageNotices.js'
import { HOLIDAY_NAMES, HOLIDAY_NOTICES } from './holidayTable.generated.js'
import type { Notice } from './notice.js'

export { buildPackageNotices, CHINESE_DAYS_VERSION } from './buildPackageNotices.js'

let cached: Notice[] | undefined

/**
 * The package's data grouped by notice year, one `Notice` per year that has holiday entries. December
 * days of a 元旦 arrangement belong to the next year's notice (e.g. 2018-12-29..31 to 2019's).
 */
export function packageNotices(): Notice[] {
  cached ??= HOLIDAY_NOTICES.map(([year, runs, makeupDays]) => {
    const base = dayNumberOf(year, 1, 1)
    const rest = new Map<number, string>()
    for (let i = 0; i < runs.length; i += 3) {
      const first = base + runs[i]!
      for (let day = first; day < first + runs[i + 1]!; day++) rest.set(day, HOLIDAY_NAMES[runs[i + 2]!]!)
    }
    const makeup = new Map<number, string | undefined>()
    for (let i = 0; i < makeupDays.length; i += 2) makeup.set(base + makeupDays[i]!, HOLIDAY_NAMES[makeupDays[i + 1]!]! + MAKEUP_NOTE_SUFFIX)
    return { year, from: 'package', rest, makeup }
  })
  return cached
}
