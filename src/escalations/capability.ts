/**
 * Deadlines and escalation as a capability: the `deadlines` and `escalation` files and the
 * `escalations` scenarios.
 */
import { ESCALATION_MESSAGES } from './issues.js'
import type { Capability } from '../ruleset/capability.js'
import { deadlinesFileKind } from './deadlinesKind.js'
import { escalationFileKind } from './escalationKind.js'
import { escalationScenarioTarget } from './escalationScenarios.js'
import { escalationScenarioRunner } from './runEscalationScenarios.js'
import type { EscalationsSlice } from './types.js'

export const escalationsCapability: Capability<EscalationsSlice> = {
  name: 'escalations',
  issues: ESCALATION_MESSAGES,
  kinds: [deadlinesFileKind, escalationFileKind],
  fields: { data: ['deadlines', 'escalation'], scenarios: ['escalationScenarios'] },
  targets: [{ ...escalationScenarioTarget, ...escalationScenarioRunner }],
}
