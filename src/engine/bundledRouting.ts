/**
 * What routing reads of the bundled rules, and nothing more: the core, the routing data (without the
 * taxonomy's notes for people, `omitAtRuntime` in src/routing/capability.ts) and the calendar (a time
 * limit counted in years ends on a working day). No scenario, no other capability's data, no rule-file
 * text: the top-level `routeComplaint(Sync)` imports this, never `defaultRuleSet()`, so an app that only
 * routes carries only this (see test/tools/routeBundle.ts).
 */
import type { CalendarSlice } from '../calendar/calendarFileKinds.js'
import type { RoutingRuleSet } from '../routing/ruleSet.js'
import { data as coreData } from './bundled/core.generated.js'
import { data as routingData } from './bundled/routing.generated.js'
import { data as calendarData } from './bundled/calendar.generated.js'

let cached: (RoutingRuleSet & CalendarSlice) | undefined

/**
 * The routing part of the bundled rule set (assembled once, on first use). Its categories lack `basis`,
 * `cites` and `at`, and its `scenarios` are empty: routing reads neither.
 */
export function bundledRoutingRuleSet(): RoutingRuleSet & CalendarSlice {
  cached ??= { ...coreData(), ...routingData(), ...calendarData(), scenarios: [] } as unknown as RoutingRuleSet & CalendarSlice
  return cached
}
