import { toDayNumber } from '../dates/index.js'
import type { CalendarFile, CalendarSource } from './schemas.js'

/**
 * One year's arrangement as the calendar uses it: the rest days and make-up working days a notice sets,
 * by day number. A notice for year Y may name days at the end of December Y−1 (a 元旦 bridge).
 */
export interface Notice {
  year: number
  from: 'yaml' | 'package'
  /** The notice transcribed, for YAML years. */
  source?: CalendarSource
  /** Rest days set by the notice (weekends inside a holiday period included) → holiday name. */
  rest: Map<number, string>
  /** 调休上班日 → note. */
  makeup: Map<number, string | undefined>
}

/** The notice of a validated year file. */
export function noticeOfFile(file: CalendarFile): Notice {
  const rest = new Map<number, string>()
  for (const holiday of file.holidays) {
    const end = toDayNumber(holiday.to ?? holiday.from)
    for (let day = toDayNumber(holiday.from); day <= end; day++) rest.set(day, holiday.name)
  }
  const makeup = new Map<number, string | undefined>()
  for (const workday of file.workdays) makeup.set(toDayNumber(workday.date), workday.note)
  return { year: file.year, from: 'yaml', source: file.source, rest, makeup }
}
