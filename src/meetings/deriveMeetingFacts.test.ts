import { describe, expect, test } from 'vitest'
import { daysBetween, deriveMeetingFacts } from './deriveMeetingFacts.js'
import { INDEX_FACTS, MEETING_FACTS } from './facts.js'
import { baselineRecord } from './ruleFiles.testing.js'
import { validateMeetingRecord } from './validateMeetingRecord.js'

const PARAMS = { minAttendanceRatio: 0.5 }
const facts = (change: (r: ReturnType<typeof baselineRecord>) => void = () => {}) => {
  const record = baselineRecord()
  change(record)
  return deriveMeetingFacts(validateMeetingRecord(record), PARAMS)
}

describe('deriveMeetingFacts', () => {
  test('derives every declared fact, and only those', () => {
    expect(Object.keys(facts()).sort()).toEqual(Object.keys(MEETING_FACTS).sort())
  })

  test('the compliant baseline', () => {
    expect(facts()).toMatchObject({
      meetingType: 'regular',
      convenedByConvener: true,
      convenedByConvenerOrOffice: true,
      chairedByConvener: true,
      adHocRequestedByMember: false,
      adHocRequestedByEntitled: false,
      agendaSetByOffice: true,
      topicProposerLegitimate: true,
      topicLeadDays: 8,
      topicSubmittedAfterMeeting: false,
      materialsCirculatedBeforeMeeting: true,
      materialsLeadDays: 5,
      memberCount: 19,
      attendeeCount: 11,
      discussionCount: 3,
      discussionFromAbsentSections: [],
      discussionFromAbsentSectionCount: 0,
      countedDiscussionCount: 3,
      speakingSections: 3,
      supportCount: 2,
      allAbstained: false,
      distinctPositions: 2,
      objectionCount: 1,
      unresolvedObjections: [],
      unresolvedObjectionCount: 0,
      decisionMethod: 'consensus',
      summaryIssued: true,
      summaryIssuedByOffice: true,
      assignmentCount: 2,
      params: PARAMS,
    })
    expect(facts().memberAttendanceRatio).toBeCloseTo(11 / 19)
  })

  test('array facts carry the positions in the record', () => {
    const f = facts((r) => {
      r.discussion = [
        { section: 'metrology', position: 'object' },
        { section: 'drugs', position: 'support' },
        { section: 'cosmetics', position: 'object', resolved: false },
        { section: 'advertising', position: 'object', resolved: true },
      ]
      r.decision.assignments = [
        { section: 'metrology', task: 'a', dueOn: '2026-04-01' },
        { section: 'other', assignee: '县教育局', task: 'b' },
        { section: 'drugs', task: 'c', dueOn: '2026-03-01' },
      ]
    })
    expect(f.unresolvedObjections).toEqual([0, 2])
    expect(f.unresolvedObjectionCount).toBe(2)
    expect(f.assignmentsToNonMembers).toEqual([1])
    expect(f.assignmentsWithoutDueDate).toEqual([1])
    expect(f.assignmentsDueBeforeMeeting).toEqual([2])
    for (const name of Object.keys(INDEX_FACTS)) expect(Array.isArray(f[name as keyof typeof INDEX_FACTS])).toBe(true)
  })

  test('ad-hoc requests, proposers, offices', () => {
    expect(facts((r) => Object.assign(r.meeting, { type: 'ad-hoc', requestedBy: 'metrology' })).adHocRequestedByMember).toBe(true)
    expect(facts((r) => Object.assign(r.meeting, { type: 'ad-hoc', requestedBy: 'party-group' })).adHocRequestedByMember).toBe(false)
    for (const requestedBy of ['metrology', 'convener', 'party-group'] as const) {
      expect(facts((r) => Object.assign(r.meeting, { type: 'ad-hoc', requestedBy })).adHocRequestedByEntitled).toBe(true)
    }
    expect(facts((r) => Object.assign(r.meeting, { type: 'ad-hoc', requestedBy: 'other' })).adHocRequestedByEntitled).toBe(false)
    expect(facts((r) => Object.assign(r.meeting, { type: 'ad-hoc' })).adHocRequestedByEntitled).toBe(false)
    expect(facts((r) => (r.meeting.convenedBy = { role: 'office', name: '王某' }))).toMatchObject({ convenedByConvener: false, convenedByConvenerOrOffice: true })
    expect(facts((r) => (r.meeting.convenedBy = { role: 'party-group', name: '局党组' })).convenedByConvenerOrOffice).toBe(false)
    expect(facts((r) => (r.topic.proposedBy = 'convener')).topicProposerLegitimate).toBe(true)
    expect(facts((r) => (r.topic.proposedBy = 'party-group')).topicProposerLegitimate).toBe(true)
    expect(facts((r) => (r.topic.proposedBy = 'other')).topicProposerLegitimate).toBe(false)
    // 'consumer-protection' is the section; only 'office' is the joint-meeting office.
    expect(facts((r) => (r.meeting.agendaSetBy = 'consumer-protection')).agendaSetByOffice).toBe(false)
  })

  test('only sections that attended or were invited count as collective discussion', () => {
    const f = facts((r) => {
      r.meeting.invited = [{ name: '县教育局' }, { name: '药品股副股长', section: 'drugs' }]
      r.discussion = [
        { section: 'food-circulation', position: 'abstain' },
        { section: 'metrology', position: 'support' },
        { section: 'drugs', position: 'abstain' },
        { section: 'food-circulation', position: 'abstain' },
      ]
    })
    expect(f).toMatchObject({
      discussionCount: 4,
      discussionFromAbsentSections: [1],
      discussionFromAbsentSectionCount: 1,
      countedDiscussionCount: 3,
      speakingSections: 2,
      supportCount: 0,
      allAbstained: true,
    })
    expect(facts((r) => (r.discussion = [])).allAbstained).toBe(false)
  })

  test('dates: after the meeting, the same day, not given', () => {
    expect(facts((r) => (r.topic.submittedToOfficeOn = '2026-03-11'))).toMatchObject({ topicLeadDays: -1, topicSubmittedAfterMeeting: true })
    expect(facts((r) => (r.topic.submittedToOfficeOn = '2026-03-10'))).toMatchObject({ topicLeadDays: 0, topicSubmittedAfterMeeting: false })
    expect(facts((r) => (r.deliberation = { materialsCirculatedOn: '2026-03-10' }))).toMatchObject({ materialsCirculated: true, materialsCirculatedBeforeMeeting: false, materialsLeadDays: 0 })
    expect(facts((r) => delete r.deliberation)).toMatchObject({ materialsCirculated: false, materialsCirculatedBeforeMeeting: false, materialsLeadDays: null })
    expect(facts((r) => delete r.summary)).toMatchObject({ summaryIssued: false, summaryIssuedBy: null, summaryIssuedByOffice: false })
  })

  test('daysBetween counts calendar days across months, leap days and DST, whatever the time zone', () => {
    expect(daysBetween('2026-03-02', '2026-03-10')).toBe(8)
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364)
  })
})
