/**
 * What routing reads of the bundled rules, and nothing more: the core, the routing data (without the
 * taxonomy's notes for people, `omitAtRuntime` in src/routing/capability.ts), the articles these cite
 * (the only ones a decision quotes) and the calendar (a time limit counted in years ends on a working day). No scenario, no other capability's data, no rule-file
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
 * The routing part of the bundled rule set (assembled once, on first use). Its articles are those the
 * routing rules and the fallback cite; it lacks what no routing function reads (the core's
 * `CORE_OMIT_AT_RUNTIME`, routing's `omitAtRuntime`), and its `scenarios` are empty.
 */
export function bundledRoutingRuleSet(): RoutingRuleSet & CalendarSlice {
  if (!cached) {
    const core = coreData()
    const routing = routingData()
    // Each module carries the articles its own data cites: the core its fallback's, routing its rules'.
    cached = { ...core, ...routing, ...calendarData(), articles: { ...core.articles, ...routing.articles }, scenarios: [] } as unknown as RoutingRuleSet & CalendarSlice
  }
  return cached
}
