/**
 * From a validated meeting record to the facts the procedure's checks test. Only typed derivation here:
 * no threshold and no judgement (those are in rules/procedures/joint-meeting.yaml).
 */
import { daysBetween } from '../dates/index.js'
import { isSectionId, SECTION_IDS } from '../sections.js'
import type { MeetingFacts } from './facts.js'
import type { MeetingRecord } from './recordInput.js'

/** Days from `from` to `to` (calendar days, no time zone involved): the date module's, kept here for its callers. */
export { daysBetween }


const indexesWhere = <T>(items: readonly T[], test: (item: T) => boolean) =>
  items.flatMap((item, i) => (test(item) ? [i] : []))

/**
 * Derives the meeting facts.
 * @param record a record checked by `validateMeetingRecord`
 * @param params the procedure's parameter values, passed through as the `params` fact
 * @example
 * deriveMeetingFacts(record, { minAttendanceRatio: 0.5 }).memberAttendanceRatio // 0.526… for 10 of 19
 */
export function deriveMeetingFacts(record: MeetingRecord, params: Record<string, number | string | boolean>): MeetingFacts {
  const { meeting, topic, discussion, decision, summary } = record
  const heldOn = meeting.heldOn
  const materialsOn = record.deliberation?.materialsCirculatedOn
  const attendees = new Set(meeting.attendees)
  // 集体讨论 (seq 25) is the discussion of those at the meeting: its members (seq 22 item 3) and those invited (item 5).
  const present = new Set<string>([...meeting.attendees, ...(meeting.invited ?? []).flatMap((i) => (i.section ? [i.section] : []))])
  const discussionFromAbsentSections = indexesWhere(discussion, (d) => !present.has(d.section))
  const counted = discussion.filter((d) => present.has(d.section))
  const assignments = decision.assignments
  const unresolvedObjections = indexesWhere(discussion, (d) => d.position === 'object' && d.resolved !== true)
  const assignmentsToNonMembers = indexesWhere(assignments, (a) => !isSectionId(a.section))
  const assignmentsWithoutDueDate = indexesWhere(assignments, (a) => a.dueOn === undefined)
  const assignmentsDueBeforeMeeting = indexesWhere(assignments, (a) => a.dueOn !== undefined && a.dueOn < heldOn)
  const topicLeadDays = daysBetween(topic.submittedToOfficeOn, heldOn)
  return {
    meetingType: meeting.type,
    convenedByRole: meeting.convenedBy.role,
    chairedByRole: meeting.chairedBy.role,
    convenedByConvener: meeting.convenedBy.role === 'convener',
    convenedByConvenerOrOffice: meeting.convenedBy.role === 'convener' || meeting.convenedBy.role === 'office',
    chairedByConvener: meeting.chairedBy.role === 'convener',
    requestedBy: meeting.requestedBy ?? null,
    adHocRequestedByMember: meeting.type === 'ad-hoc' && isSectionId(meeting.requestedBy),
    adHocRequestedByEntitled:
      meeting.type === 'ad-hoc' && (isSectionId(meeting.requestedBy) || meeting.requestedBy === 'convener' || meeting.requestedBy === 'party-group'),
    agendaSetBy: meeting.agendaSetBy,
    agendaSetByOffice: meeting.agendaSetBy === 'office',
    topicProposedBy: topic.proposedBy,
    topicProposerLegitimate: isSectionId(topic.proposedBy) || topic.proposedBy === 'convener' || topic.proposedBy === 'party-group',
    topicLeadDays,
    topicSubmittedAfterMeeting: topicLeadDays < 0,
    materialsCirculated: materialsOn !== undefined,
    materialsCirculatedBeforeMeeting: materialsOn !== undefined && materialsOn < heldOn,
    materialsLeadDays: materialsOn === undefined ? null : daysBetween(materialsOn, heldOn),
    memberCount: SECTION_IDS.length,
    attendeeCount: attendees.size,
    memberAttendanceRatio: attendees.size / SECTION_IDS.length,
    invitedCount: meeting.invited?.length ?? 0,
    discussionCount: discussion.length,
    discussionFromAbsentSections,
    discussionFromAbsentSectionCount: discussionFromAbsentSections.length,
    countedDiscussionCount: counted.length,
    speakingSections: new Set(counted.map((d) => d.section)).size,
    supportCount: counted.filter((d) => d.position === 'support').length,
    allAbstained: counted.length > 0 && counted.every((d) => d.position === 'abstain'),
    distinctPositions: new Set(discussion.map((d) => d.position)).size,
    objectionCount: discussion.filter((d) => d.position === 'object').length,
    unresolvedObjections,
    unresolvedObjectionCount: unresolvedObjections.length,
    decisionMethod: decision.method,
    minutesTaken: meeting.minutesTaken,
    summaryIssued: summary !== undefined,
    summaryIssuedBy: summary?.issuedBy ?? null,
    summaryIssuedByOffice: summary?.issuedBy === 'office',
    assignmentCount: assignments.length,
    assignmentsToNonMembers,
    assignmentsToNonMemberCount: assignmentsToNonMembers.length,
    assignmentsWithoutDueDate,
    assignmentsWithoutDueDateCount: assignmentsWithoutDueDate.length,
    assignmentsDueBeforeMeeting,
    assignmentsDueBeforeMeetingCount: assignmentsDueBeforeMeeting.length,
    params: { ...params },
  }
}
