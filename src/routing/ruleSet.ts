/**
 * Routing's slice of the rule set: the routing, intake and screening rules and the routing scenarios.
 */
import type { RuleSetCore, SourceLocation } from '../ruleset/types.js'
import type { SectionId } from '../sections.js'
import type { ConditionNode } from '../conditions/schema.js'
import type { CategoryTaxonomy } from './categories/types.js'
import type { ConfidenceSettings } from './confidence/schema.js'
import type { RoutingModel } from './learned/types.js'
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

export interface ScreeningRule extends Omit<ScreeningRuleSpec, 'when' | 'hint'> {
  when: ConditionNode
  /** When the fact the rule rests on was not given but the text suggests it applies: a question for the clerk, no decision. */
  hint?: { when: ConditionNode; ask: ScreeningRuleSpec['reason'] }
  at: SourceLocation
}

export interface ScenarioRecord extends RouteScenario {
  at: SourceLocation
  /** From a file with `measure:` (the field corpus): counted into an accuracy, not passed one by one. */
  measure?: { minAccuracy: number; minFrozenAccuracy?: number }
}

/** What routing adds to a rule set. */
export interface RoutingSlice {
  routingRules: RoutingRule[]
  intakeRules: IntakeRule[]
  screeningRules: ScreeningRule[]
  scenarios: ScenarioRecord[]
  /** `rules/categories.yaml`: the goods-and-services taxonomy every decision names a category from. */
  categories?: CategoryTaxonomy
  /** `rules/confidence.yaml`: how sure a decision says it is (the bureau's settings). */
  confidence?: ConfidenceSettings
  /** `rules/learned/routing-model.yaml`: the learned fallback (`xiaobao train`); without it routing uses the rules alone. */
  routingModel?: RoutingModel
}

/** The part of a rule set routing reads. */
export type RoutingRuleSet = RuleSetCore & RoutingSlice
