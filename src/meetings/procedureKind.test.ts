import { describe, expect, test } from 'vitest'
import { parseRuleSet } from '../capabilities.js'
import { meetingRuleFiles, meetingRuleSet } from './ruleFiles.testing.js'
import { MEETING_FACTS } from './facts.js'

const HEAD = `kind: procedure
procedure: joint-meeting
title: 联席会议议事程序
params:
  minAttendanceRatio:
    value: 0.5
    setBy: bureau
    description: { zh: 最低出席比例。, en: Least share attending. }
  label:
    value: 过半数
    setBy: bureau
    description: { zh: 说明用。, en: For messages. }
checks:
`
const CHECK = (fields: string) => `  - code: meeting.attendance-below-threshold
    severity: warning
    cites: [{ seq: 22, item: 3 }]
${fields}`
const OK_FIELDS = `    path: [meeting, attendees]
    message: { zh: 出席的成员股室太少。, en: Too few members attended. }
    when: { all: [{ fact: memberAttendanceRatio, operator: lessThan, value: { fact: params, path: "$.minAttendanceRatio" } }] }
`

function problems(procedure: string) {
  const result = parseRuleSet(meetingRuleFiles({ procedure, scenarios: null }))
  return result.ok ? [] : result.issues.map((i) => ({ code: i.code, line: i.line, col: i.col, message: i.message, messageEn: i.messageEn }))
}

describe('the procedure file kind', () => {
  test('the real procedure loads: checks in file order, params, where each is written', () => {
    const procedure = meetingRuleSet().meetingProcedure!
    expect(procedure.checks.length).toBeGreaterThanOrEqual(20)
    expect(procedure.checks[0]).toMatchObject({ code: 'meeting.convened-by-non-convener', severity: 'violation', at: { file: 'procedures/joint-meeting.yaml' } })
    expect(procedure.params.minAttendanceRatio).toMatchObject({ value: 0.5, setBy: 'bureau' })
    for (const check of procedure.checks) expect(check.cites.every((c) => c.seq >= 22 && c.seq <= 26)).toBe(true)
  })

  test('a minimal valid file', () => {
    expect(problems(HEAD + CHECK(OK_FIELDS))).toEqual([])
  })

  test.each([
    ['a parameter that is not defined', OK_FIELDS.replace('$.minAttendanceRatio', '$.quorum'), 'unknown_fact', /未知的参数 "\$\.quorum"；已在 params 中定义的有：minAttendanceRatio、label/],
    ['params without a path', OK_FIELDS.replace(', path: "$.minAttendanceRatio"', ''), 'missing_field', /须写 path/],
    ['a text parameter compared as a number', OK_FIELDS.replace('$.minAttendanceRatio', '$.label'), 'invalid_type', /应为数字/],
    ['an unknown fact referred to as a value', OK_FIELDS.replace('{ fact: params, path: "$.minAttendanceRatio" }', '{ fact: quorum }'), 'unknown_fact', /未知的事实 "quorum"/],
    ['a mapping value that is not a fact reference', OK_FIELDS.replace('{ fact: params, path: "$.minAttendanceRatio" }', '{ min: 1 }'), 'invalid_value', /对另一事实的引用/],
    ['a path outside the record', OK_FIELDS.replace('[meeting, attendees]', '[meeting, attendance]'), 'invalid_value', /"attendance" 不是会议记录的字段；这里可用：id、type/],
    ["a '*' without each", OK_FIELDS.replace('[meeting, attendees]', "[meeting, attendees, '*']"), 'invalid_value', /须与 each 同用/],
    ['each with a path into another list', OK_FIELDS.replace('    path: [meeting, attendees]', "    each: assignmentsToNonMembers\n    path: [discussion, '*']"), 'invalid_value', /应以 \[decision, assignments, '\*'\] 开头/],
    ['an unknown placeholder', OK_FIELDS.replace('出席的成员股室太少。', '"出席 {attendance} 个。"'), 'unknown_fact', /\{attendance\} 不是事实或参数/],
    ['{n} without each', OK_FIELDS.replace('Too few members attended.', '"Entry {n}."'), 'unknown_fact', /\{n\}/],
    ['an unknown fact', OK_FIELDS.replace('fact: memberAttendanceRatio', 'fact: attendance'), 'unknown_fact', /未知的事实 "attendance"/],
    ['an unknown operator', OK_FIELDS.replace('operator: lessThan', 'operator: below'), 'unknown_operator', /未知的运算符 "below"/],
    ['a condition without all/any/not at the top', OK_FIELDS.replace(/when: .*/, 'when: { fact: minutesTaken, operator: equal, value: false }'), 'invalid_type', /最外层必须是 all、any 或 not/],
  ])('%s', (_name, fields, code, message) => {
    const found = problems(HEAD + CHECK(fields))
    expect(found.map((p) => p.code)).toContain(code)
    const problem = found.find((p) => p.code === code)!
    expect(problem.message).toMatch(message)
    expect(problem.line).toBeGreaterThan(5)
    expect(problem.messageEn).toMatch(/^line \d+, column \d+: /)
  })

  test.each([
    ['an unknown severity', (t: string) => t.replace('severity: warning', 'severity: fatal'), 'invalid_value', 15, 15],
    ['a missing message', (t: string) => t.replace(/    message: .*\n/, ''), 'missing_field', 14, 5],
    ['an unknown key', (t: string) => t.replace('    severity: warning', '    severity: warning\n    level: 2'), 'unknown_key', 16, 5],
    ['an article that does not exist', (t: string) => t.replace('{ seq: 22, item: 3 }', '{ seq: 22, item: 9 }'), 'dangling_citation', 16, 13],
    // zod reports a missing enum as a wrong value; it is still located at the parameter.
    ['a parameter without setBy', (t: string) => t.replace('    setBy: bureau\n    description: { zh: 最低', '    description: { zh: 最低'), 'missing_field', 6, 5],
    ['a check code that is not an id', (t: string) => t.replace('code: meeting.attendance-below-threshold', 'code: Attendance Low'), 'invalid_value', 14, 11],
  ])('%s is reported where it is', (_name, edit, code, line, col) => {
    expect(problems(edit(HEAD + CHECK(OK_FIELDS)))).toContainEqual(expect.objectContaining({ code, line, col }))
  })

  test('every fact a check may use is described in Chinese', () => {
    for (const text of Object.values(MEETING_FACTS)) expect(text).toMatch(/[\u4e00-\u9fff]/)
  })
})
