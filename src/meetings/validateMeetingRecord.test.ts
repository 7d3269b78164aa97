import { describe, expect, test } from 'vitest'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { baselineRecord } from './ruleFiles.testing.js'
import { validateMeetingRecord } from './validateMeetingRecord.js'

type Record_ = ReturnType<typeof baselineRecord>

function errorOf(change: (r: Record_) => void): XiaobaoError {
  const record = baselineRecord()
  change(record)
  try {
    validateMeetingRecord(record)
  } catch (error) {
    expect(error).toBeInstanceOf(XiaobaoError)
    return error as XiaobaoError
  }
  throw new Error('expected a XiaobaoError')
}

describe('validateMeetingRecord', () => {
  test('the baseline is valid and comes back trimmed', () => {
    const record = baselineRecord()
    record.topic.title = '  校园周边食品安全整治 '
    expect(validateMeetingRecord(record).topic.title).toBe('校园周边食品安全整治')
  })

  const cases: [string, (r: Record_) => void, (string | number)[], RegExp][] = [
    ['an unknown section id', (r: Record_) => (r.meeting.attendees = ['metrology', 'education-bureau' as never]), ['meeting', 'attendees', 1], /education-bureau/],
    ['a date that does not exist', (r: Record_) => (r.meeting.heldOn = '2026-02-30'), ['meeting', 'heldOn'], /不是有效日期/],
    ['a date that is not a date', (r: Record_) => (r.topic.submittedToOfficeOn = 'last Tuesday'), ['topic', 'submittedToOfficeOn'], /YYYY-MM-DD/],
    ['a missing object', (r: Record_) => delete (r.meeting as Partial<Record_['meeting']>).chairedBy, ['meeting', 'chairedBy'], /缺少字段 meeting\.chairedBy/],
    ['a missing enum', (r: Record_) => delete (r.decision as Partial<Record_['decision']>).method, ['decision', 'method'], /缺少字段 decision\.method（可用：consensus/],
    ['a misspelt key', (r: Record_) => ((r.meeting as Record<string, unknown>).minutesTakn = true), ['meeting'], /minutesTakn/],
    ['an unknown position', (r: Record_) => (r.discussion[0]!.position = 'veto' as never), ['discussion', 0, 'position'], /support、object、abstain/],
    ['a member without a section', (r: Record_) => (r.meeting.chairedBy = { role: 'member', name: '李某' }), ['meeting', 'chairedBy', 'section'], /role 为 member/],
    ['a section for a non-member', (r: Record_) => (r.meeting.chairedBy = { role: 'convener', name: '张某', section: 'metrology' }), ['meeting', 'chairedBy', 'section'], /只在 role 为 member/],
    ['requestedBy on a regular meeting', (r: Record_) => (r.meeting.requestedBy = 'metrology'), ['meeting', 'requestedBy'], /临时会议/],
    ['an attendee twice', (r: Record_) => (r.meeting.attendees = ['metrology', 'drugs', 'metrology']), ['meeting', 'attendees', 2], /重复/],
    ['an assignee for a member', (r: Record_) => (r.decision.assignments[0]!.assignee = '县教育局'), ['decision', 'assignments', 0, 'assignee'], /other/],
    ['a summary before the meeting', (r: Record_) => (r.summary = { issuedOn: '2026-03-01', issuedBy: 'office' }), ['summary', 'issuedOn'], /早于开会日期/],
    ['an empty text', (r: Record_) => (r.decision.text = '   '), ['decision', 'text'], /decision\.text/],
  ]
  test.each(cases)('%s is invalid_input naming the field, in Chinese and English', (_name, change, path, message) => {
    const error = errorOf(change)
    expect(error.code).toBe('invalid_input')
    const issue = error.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path))
    expect(issue, error.message).toBeDefined()
    expect(issue!.message).toMatch(message)
    expect(issue!.message).toMatch(/[\u4e00-\u9fff]/)
    expect(issue!.messageEn).toContain(path.join('.'))
  })

  test('not an object at all', () => {
    for (const input of [null, 'meeting', 42, [], {}]) {
      expect(() => validateMeetingRecord(input)).toThrow(XiaobaoError)
    }
  })

  test('every problem at once, not just the first', () => {
    const error = errorOf((r) => {
      r.meeting.heldOn = '2026-13-01'
      r.topic.proposedBy = 'nobody' as never
    })
    expect(error.issues.map((i) => i.path?.join('.'))).toEqual(expect.arrayContaining(['meeting.heldOn', 'topic.proposedBy']))
  })
})
