/**
 * One calendar year, precomputed: the kind of each day and the names behind holidays and make-up days.
 */
import { dayNumberOf, isWeekend } from '../dates/index.js'

export const WORKDAY = 0
export const WEEKEND = 1
export const HOLIDAY = 2
export const MAKEUP = 3

/** One calendar year, precomputed: the kind of each day, and the names behind holidays and make-up days. */
export interface YearTable {
  year: number
  /** Day number of 1 January. */
  start: number
  /** Day number of 1 January of the next year. */
  end: number
  kinds: Uint8Array
  names: Map<number, string>
  notes: Map<number, string | undefined>
  provisional: boolean
}


/** The table of `year`: `rest` and `makeup` (day number → name / note) over weekends. */
export function buildTable(
  year: number,
  rest: Map<number, string>,
  makeup: Map<number, string | undefined>,
  provisional: boolean,
): YearTable {
  const start = dayNumberOf(year, 1, 1)
  const end = dayNumberOf(year + 1, 1, 1)
  const kinds = new Uint8Array(end - start)
  const names = new Map<number, string>()
  const notes = new Map<number, string | undefined>()
  for (let day = start; day < end; day++) {
    const name = rest.get(day)
    if (makeup.has(day)) {
      kinds[day - start] = MAKEUP
      notes.set(day, makeup.get(day))
    } else if (name !== undefined) {
      kinds[day - start] = HOLIDAY
      names.set(day, name)
    } else {
      kinds[day - start] = isWeekend(day) ? WEEKEND : WORKDAY
    }
  }
  return { year, start, end, kinds, names, notes, provisional }
}
