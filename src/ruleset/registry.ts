/**
 * Every rule-file kind and scenario target beyond routing, in one static list (no registration side
 * effects, so bundlers can tree-shake safely). Add a capability's kinds here.
 */
import { calendarFileKinds } from '../calendar/calendarFileKinds.js'
import type { FileKindModule, ScenarioTargetModule } from './fileKinds.js'

export const EXTRA_FILE_KINDS: readonly FileKindModule[] = [...calendarFileKinds]

export const SCENARIO_TARGETS: readonly ScenarioTargetModule[] = []
