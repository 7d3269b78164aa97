/**
 * The information-analysis report (issue 14) as a capability: the `report` file (rules/report.yaml) and
 * the `report` scenarios. `summarizeRecords` is bound in the engine, which hands it routing and the
 * escalation computer (the report imports none of the engine).
 */
import type { Capability } from '../ruleset/capability.js'
import { reportFileKind } from './reportKind.js'
import { reportScenarioTarget } from './reportScenarios.js'
import { reportScenarioRunner } from './runReportScenarios.js'
import type { ReportSlice } from './types.js'

export const reportCapability: Capability<ReportSlice> = {
  name: 'report',
  kinds: [reportFileKind],
  fields: { data: ['report'], scenarios: ['reportScenarios'] },
  targets: [{ ...reportScenarioTarget, ...reportScenarioRunner }],
}
