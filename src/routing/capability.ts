/**
 * Routing as a capability: its rule-file kinds, its scenario target and its slice of the rule set.
 */
import { ROUTING_MESSAGES } from './issues.js'
import type { Issue } from '../problems/issue.js'
import type { Capability } from '../ruleset/capability.js'
import { routeScenarioTarget, ROUTING_KINDS } from './ruleFileKinds.js'
import { routeScenarioRunner } from './routeScenarios.js'
import type { RoutingSlice } from './ruleSet.js'
import { staleModel } from './learned/staleModel.js'
import { learnedRejectRules } from './learned/learnedRejectRules.js'

export const routingCapability: Capability<RoutingSlice> = {
  name: 'routing',
  issues: ROUTING_MESSAGES,
  kinds: ROUTING_KINDS,
  targets: [{ ...routeScenarioTarget, ...routeScenarioRunner }],
  fields: {
    data: ['routingRules', 'intakeRules', 'screeningRules', 'categories', 'confidence', 'routingModel'],
    scenarios: ['scenarios'],
    // Routing reads a category's id, name, parent, sections, outOfScope and terms, and no rule's
    // description or note: those are for people (and analysis, which gets the whole rule set).
    omitAtRuntime: [
      'categories.sources',
      'categories.categories.*.basis',
      'categories.categories.*.cites',
      'categories.categories.*.at',
      'routingRules.*.description',
      'intakeRules.*.description',
      'screeningRules.*.description',
      'screeningRules.*.note',
      // The model's provenance is read by `xiaobao lint` (staleness) and people, not by routing.
      'routingModel.trainedOn',
      'routingModel.hyper',
      'routingModel.thresholdBy',
      'routingModel.note',
      'routingModel.learnedReject.by',
      'routingModel.learnedReject.at',
    ],
  },
  initial: () => ({ routingRules: [], intakeRules: [], screeningRules: [], scenarios: [] }),
  check(ruleSet) {
    const warnings: Issue[] = []
    for (const rule of ruleSet.intakeRules) {
      if (!ruleSet.sections[rule.section]) {
        warnings.push({ code: 'unknown_section', severity: 'warning', file: rule.at.file, line: rule.at.line, col: rule.at.col, message: `受理规则 ${rule.id} 指向的股室 "${rule.section}" 没有股室文件。`, messageEn: `intake rule ${rule.id} names section "${rule.section}", which has no section file.` })
      }
    }
    warnings.push(...staleModel(ruleSet))
    warnings.push(...learnedRejectRules(ruleSet))
    return warnings
  },
}
