/**
 * Routing's slice of the rule set: the routing, intake and screening rules and the routing scenarios.
 */
import type { RuleSetCore, SourceLocation } from '../ruleset/types.js'
import type { SectionId } from '../sections.js'
import type { ConditionNode } from '../conditions/schema.js'
import type { IntakeRuleSpec, RoutingRuleSpec, RouteScenario, ScreeningRuleSpec } from './schemas.js'

export interface RoutingRule extends Omit<RoutingRuleSpec, 'when'> {
  section: SectionId
  when: ConditionNode
  at: SourceLocation
}

export interface IntakeRule extends Omit<IntakeRuleSpec, 'when'> {
  when: ConditionNode
  at: SourceLocation
}

export interface ScreeningRule extends Omit<ScreeningRuleSpec, 'when'> {
  when: ConditionNode
  at: SourceLocation
}

export interface ScenarioRecord extends RouteScenario {
  at: SourceLocation
}

/** What routing adds to a rule set. */
export interface RoutingSlice {
  routingRules: RoutingRule[]
  intakeRules: IntakeRule[]
  screeningRules: ScreeningRule[]
  scenarios: ScenarioRecord[]
}

/** The part of a rule set routing reads. */
export type RoutingRuleSet = RuleSetCore & RoutingSlice
