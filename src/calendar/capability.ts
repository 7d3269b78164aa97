/**
 * The working-day calendar as a capability: `rules/calendar/` (one file a year, and the provisional
 * rules) in the rule set's `calendar` slice.
 */
import { CALENDAR_MESSAGES } from './issues.js'
import type { Capability } from '../ruleset/capability.js'
import { calendarFileKinds, type CalendarSlice } from './calendarFileKinds.js'

export const calendarCapability: Capability<CalendarSlice> = {
  name: 'calendar',
  issues: CALENDAR_MESSAGES,
  kinds: calendarFileKinds,
  targets: [],
  fields: { data: ['calendar'] },
}
