/// <reference types="vite/client" />
/**
 * The real rule files under `rules/calendar/`, for tests only (read through Vite's `?raw`, so no `node:`
 * import). Not part of the library: nothing outside `*.test.ts` imports this module.
 */
import { parse } from 'yaml'
import file2025 from '../../rules/calendar/2025.yaml?raw'
import file2026 from '../../rules/calendar/2026.yaml?raw'
import provisional from '../../rules/calendar/provisional.yaml?raw'
import { calendarFile, calendarProvisionalFile, type CalendarFile, type CalendarProvisionalFile } from './schemas.js'

export const ruleTexts = { '2025.yaml': file2025, '2026.yaml': file2026, 'provisional.yaml': provisional }

export const yearFiles: CalendarFile[] = [calendarFile.parse(parse(file2025)), calendarFile.parse(parse(file2026))]

export const provisionalFile: CalendarProvisionalFile = calendarProvisionalFile.parse(parse(provisional))
