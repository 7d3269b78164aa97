/**
 * Validates a joint-meeting record: its shape (zod), then what one field says about another. A bad record
 * is a `XiaobaoError` with code `invalid_input` naming the field, never a finding and never a crash.
 */
import type { z } from 'zod'
import type { Issue } from '../problems/issue.js'
import { inputIssues } from '../problems/inputIssues.js'
import { readZodIssue } from '../problems/zodIssue.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { meetingRecordInput, type MeetingRecord } from './recordInput.js'

/** zod reports a missing enum field as a wrong value; say it is missing. */
function missingChoice(input: unknown, zi: z.core.$ZodIssue): Issue | undefined {
  const { path, problem } = readZodIssue(input, zi)
  if (problem.kind !== 'value' || !problem.pathAbsent) return undefined
  return invalid(path, `缺少字段 ${path.join('.')}（可用：${problem.values.join('、')}）。`, `${path.join('.')} is missing (one of: ${problem.values.join(', ')}).`)
}

function invalid(path: (string | number)[], message: string, messageEn: string): Issue {
  return { code: 'invalid_input', severity: 'error', path, message, messageEn }
}

/**
 * Validates a meeting record.
 * @throws XiaobaoError with code `invalid_input`; each issue names the field (`meeting.heldOn`).
 * @example
 * validateMeetingRecord({ meeting: { id: 'JM-1' } }) // throws: 缺少字段 meeting.type …
 */
export function validateMeetingRecord(input: unknown): MeetingRecord {
  const parsed = meetingRecordInput.safeParse(input)
  if (!parsed.success) throw new XiaobaoError(parsed.error.issues.flatMap((zi) => missingChoice(input, zi) ?? inputIssues(input, [zi])) as [Issue, ...Issue[]])
  const record = parsed.data
  const issues: Issue[] = []
  const { meeting } = record

  for (const key of ['convenedBy', 'chairedBy'] as const) {
    const person = meeting[key]
    const field = `meeting.${key}.section`
    if (person.role === 'member' && !person.section) {
      issues.push(invalid(['meeting', key, 'section'], `缺少字段 ${field}：role 为 member 时须写明是哪个成员股室的负责人。`, `${field} is missing: with role member, name the member section.`))
    } else if (person.role !== 'member' && person.section) {
      issues.push(invalid(['meeting', key, 'section'], `${field} 只在 role 为 member 时填写（现为 ${person.role}）。`, `${field} is only for role member (role is ${person.role}).`))
    }
  }
  if (meeting.type === 'regular' && meeting.requestedBy !== undefined) {
    issues.push(invalid(['meeting', 'requestedBy'], 'meeting.requestedBy 只用于临时会议（type: ad-hoc）；例会不填。', 'meeting.requestedBy is for ad-hoc meetings only (type: ad-hoc); leave it out for a regular meeting.'))
  }
  const seen = new Set<string>()
  meeting.attendees.forEach((section, i) => {
    if (seen.has(section)) {
      issues.push(invalid(['meeting', 'attendees', i], `meeting.attendees.${i}：股室 ${section} 重复列出。`, `meeting.attendees.${i}: section ${section} is listed twice.`))
    }
    seen.add(section)
  })
  record.decision.assignments.forEach((assignment, i) => {
    if (assignment.assignee !== undefined && assignment.section !== 'other') {
      issues.push(invalid(['decision', 'assignments', i, 'assignee'], `decision.assignments.${i}.assignee 只在 section 为 other 时填写。`, `decision.assignments.${i}.assignee is only for section other.`))
    }
  })
  if (record.summary && record.summary.issuedOn < meeting.heldOn) {
    issues.push(invalid(['summary', 'issuedOn'], `summary.issuedOn（${record.summary.issuedOn}）早于开会日期 meeting.heldOn（${meeting.heldOn}），请核对。`, `summary.issuedOn (${record.summary.issuedOn}) is before meeting.heldOn (${meeting.heldOn}); check the dates.`))
  }
  if (issues.length > 0) throw new XiaobaoError(issues as [Issue, ...Issue[]])
  return record
}
