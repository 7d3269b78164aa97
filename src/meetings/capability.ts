/**
 * Joint-meeting checks as a capability: the `procedure` file (seq 22-26) and the `meeting` scenarios.
 */
import type { Capability } from '../ruleset/capability.js'
import { meetingScenarioTarget } from './meetingScenarios.js'
import { meetingScenarioRunner } from './runMeetingScenarios.js'
import { procedureFileKind } from './procedureKind.js'
import type { MeetingsSlice } from './types.js'

export const meetingsCapability: Capability<MeetingsSlice> = {
  name: 'meetings',
  kinds: [procedureFileKind],
  fields: { data: ['meetingProcedure'], scenarios: ['meetingScenarios'] },
  targets: [{ ...meetingScenarioTarget, ...meetingScenarioRunner }],
}
