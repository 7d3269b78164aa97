/**
 * Every rule-file kind and scenario target beyond routing, in one static list (no registration side
 * effects, so bundlers can tree-shake safely). Add a capability's kinds here.
 */
import { calendarFileKinds } from '../calendar/calendarFileKinds.js'
import type { FileKindModule, ScenarioTargetModule } from './fileKinds.js'
import { meetingScenarioTarget } from '../meetings/meetingScenarios.js'
import { procedureFileKind } from '../meetings/procedureKind.js'
import { deadlinesFileKind } from '../escalations/deadlinesKind.js'
import { escalationFileKind } from '../escalations/escalationKind.js'
import { escalationScenarioTarget } from '../escalations/escalationScenarios.js'
import { reportFileKind } from '../report/reportKind.js'
import { reportScenarioTarget } from '../report/reportScenarios.js'

export const EXTRA_FILE_KINDS: readonly FileKindModule[] = [...calendarFileKinds, procedureFileKind as FileKindModule, deadlinesFileKind as FileKindModule, escalationFileKind as FileKindModule, reportFileKind as FileKindModule]

export const SCENARIO_TARGETS: readonly ScenarioTargetModule[] = [meetingScenarioTarget as ScenarioTargetModule, escalationScenarioTarget as ScenarioTargetModule, reportScenarioTarget as ScenarioTargetModule]
