import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createEngine } from '../engine/createEngine.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { parseRuleSet } from '../capabilities.js'
import { explainCondition } from '../routing/explainCondition.js'
import { createConditionEvaluator } from '../routing/referenceEvaluator.js'
import { SECTION_IDS } from '../sections.js'
import { deriveMeetingFacts } from './deriveMeetingFacts.js'
import type { MeetingRecordInput } from './recordInput.js'
import { baselineRecord, meetingRuleFiles, meetingRuleSet, PROCEDURE_TEXT } from './ruleFiles.testing.js'
import { validateMeetingRecord } from './validateMeetingRecord.js'

const ruleSet = meetingRuleSet()
const engine = createEngine({ rules: ruleSet })
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code)

describe('checkMeetingDecision', () => {
  test('the example of the issue: compliant, with a warning that four members are too few', async () => {
    const check = await engine.checkMeetingDecision({
      meeting: {
        id: 'JM-2026-03', type: 'regular', heldOn: '2026-03-10',
        convenedBy: { role: 'convener', name: '张某' }, chairedBy: { role: 'convener', name: '张某' },
        // The sections that speak attend: only their views are collective discussion (seq 25).
        attendees: ['consumer-protection', '12315-center', 'food-circulation', 'catering-food'], invited: [{ name: '县教育局' }],
        agendaSetBy: 'office', minutesTaken: true,
      },
      topic: { title: '校园周边食品安全整治', proposedBy: 'food-circulation', submittedToOfficeOn: '2026-03-02' },
      deliberation: { materialsCirculatedOn: '2026-03-05' },
      discussion: [{ section: 'food-circulation', position: 'support' }, { section: 'catering-food', position: 'object', resolved: true }],
      decision: { method: 'consensus', text: '……', assignments: [{ section: 'food-circulation', task: '……', dueOn: '2026-04-10' }] },
      summary: { issuedOn: '2026-03-12', issuedBy: 'office' },
    })
    expect(check.compliant).toBe(true)
    expect(codes(check)).toEqual(['meeting.attendance-below-threshold'])
    expect(Object.keys(check).sort()).toEqual(['compliant', 'findings', 'ruleSet'])
  })

  test('a finding: code, severity, quoted basis, Chinese and English message, path, evidence, where the check is written', async () => {
    const record = baselineRecord()
    record.meeting.chairedBy = { role: 'member', section: 'metrology', name: '李某' }
    const { compliant, findings } = await engine.checkMeetingDecision(record)
    expect(compliant).toBe(false)
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      code: 'meeting.chaired-by-non-convener',
      severity: 'violation',
      basis: [
        { doc: 'implementation-measures', seq: 22, printed: '第十三条', item: 2, text: expect.stringContaining('召集人') },
        { doc: 'implementation-measures', seq: 22, printed: '第十三条', item: 4, text: '联席会议由召集人主持。' },
      ],
      message: expect.stringMatching(/^会议不是由召集人主持的/),
      messageEn: expect.stringMatching(/^The meeting was not chaired/),
      path: ['meeting', 'chairedBy'],
      facts: [{ fact: 'chairedByConvener', operator: 'equal', value: false, actual: false }],
      at: { file: 'procedures/joint-meeting.yaml' },
    })
  })

  test('positions in lists: one finding per assignment or objection, path pointing at it, message numbering it', async () => {
    const record = baselineRecord()
    record.discussion = [
      { section: 'food-circulation', position: 'object' },
      { section: 'catering-food', position: 'support' },
      { section: 'drugs', position: 'object', resolved: false },
    ]
    record.decision.assignments = [
      { section: 'food-circulation', task: 'a', dueOn: '2026-04-10' },
      { section: 'other', assignee: '县教育局', task: 'b', dueOn: '2026-04-10' },
      { section: 'other', task: 'c' },
    ]
    const { findings } = await engine.checkMeetingDecision(record)
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['discussion.from-absent-section', ['discussion', 2, 'section']],
      ['decision.consensus-with-unresolved-objection', ['discussion', 0, 'resolved']],
      ['decision.consensus-with-unresolved-objection', ['discussion', 2, 'resolved']],
      ['decision.assignment-to-non-member', ['decision', 'assignments', 1, 'section']],
      ['decision.assignment-to-non-member', ['decision', 'assignments', 2, 'section']],
      ['decision.assignment-without-due-date', ['decision', 'assignments', 2, 'dueOn']],
    ])
    expect(findings[0]!.message).toContain('第 3 条发言')
    expect(findings[2]!.message).toContain('第 3 条发言')
    expect(findings[5]!.message).toContain('第 3 项分工')
  })

  test('findings follow the order of the checks in the procedure file', async () => {
    const record = baselineRecord()
    delete record.summary
    record.decision.method = 'majority-vote'
    record.meeting.minutesTaken = false
    record.meeting.agendaSetBy = 'other'
    const { findings } = await engine.checkMeetingDecision(record)
    const order = ruleSet.meetingProcedure!.checks.map((c) => c.code)
    expect(codes({ findings })).toEqual(['meeting.agenda-not-set-by-office', 'decision.majority-vote', 'meeting.no-minutes', 'summary.not-issued'])
    expect(findings.map((f) => order.indexOf(f.code))).toEqual([...findings.map((f) => order.indexOf(f.code))].sort((a, b) => a - b))
  })

  test('messages fill in facts and parameters', async () => {
    const record = baselineRecord()
    record.meeting.attendees = ['metrology', 'drugs', 'cosmetics']
    record.deliberation = { materialsCirculatedOn: '2026-03-09' }
    const { findings } = await engine.checkMeetingDecision(record)
    expect(findings.find((f) => f.code === 'meeting.attendance-below-threshold')!.message).toContain('3 个（共 19 个），出席比例 0.16 低于本局设定的 0.5')
    expect(findings.find((f) => f.code === 'deliberation.materials-late')!.messageEn).toContain('only 1 days before the meeting, fewer than the bureau\'s 3')
  })

  test('staff change a threshold or a severity in the YAML, without code', async () => {
    const changed = PROCEDURE_TEXT.replace(/minAttendanceRatio:\n    value: 0\.5/, 'minAttendanceRatio:\n    value: 0.9').replace(
      /(code: decision\.majority-vote\n    severity: )violation/,
      '$1warning',
    )
    expect(changed).not.toBe(PROCEDURE_TEXT)
    const changedEngine = createEngine({ rules: meetingRuleSet({ procedure: changed }) })
    const record = baselineRecord()
    record.decision.method = 'majority-vote'
    const before = await engine.checkMeetingDecision(record)
    const after = await changedEngine.checkMeetingDecision(record)
    // 「必须……协商决定」(seq 25): a vote is a violation by default; the bureau may soften it in the YAML.
    expect(before).toMatchObject({ compliant: false, findings: [{ code: 'decision.majority-vote', severity: 'violation' }] })
    expect(after.compliant).toBe(true)
    expect(after.findings.map((f) => [f.code, f.severity])).toEqual([
      ['meeting.attendance-below-threshold', 'warning'],
      ['decision.majority-vote', 'warning'],
    ])
  })

  test('a bad record is a typed error, not a finding; the record is not changed', async () => {
    const record = baselineRecord()
    record.meeting.attendees = ['education-bureau' as never]
    const copy = structuredClone(record)
    await expect(engine.checkMeetingDecision(record)).rejects.toMatchObject({ name: 'XiaobaoError', code: 'invalid_input', issues: [{ path: ['meeting', 'attendees', 0] }] })
    expect(record).toEqual(copy)
  })

  test('a rule set without the procedure says so', async () => {
    const result = parseRuleSet(meetingRuleFiles({ scenarios: null }).filter((f) => !f.path.startsWith('procedures/')))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const bare = createEngine({ rules: result.value })
    const error = await bare.checkMeetingDecision(baselineRecord()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(XiaobaoError)
    expect(error).toMatchObject({ code: 'missing_file' })
  })

  test('deterministic: the same record gives the same result', async () => {
    const record = baselineRecord()
    record.decision.method = 'consultation'
    record.discussion[1]!.resolved = false
    expect(await engine.checkMeetingDecision(record)).toEqual(await engine.checkMeetingDecision(structuredClone(record)))
  })
})

// ---------------------------------------------------------------------------------------------------
// Random valid records: json-rules-engine and the explaining evaluator agree on every check, and
// `compliant` is false exactly when there is a violation.

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`)
const section = fc.constantFrom(...SECTION_IDS)
const person = fc.oneof(
  fc.constantFrom('convener', 'office', 'party-group', 'other').map((role) => ({ role, name: '某' })),
  section.map((s) => ({ role: 'member', section: s, name: '某' })),
)
const recordArbitrary = fc
  .record({
    type: fc.constantFrom('regular', 'ad-hoc'),
    requestedBy: fc.option(fc.constantFrom(...SECTION_IDS, 'convener', 'party-group', 'other'), { nil: undefined }),
    heldOn: day,
    convenedBy: person,
    chairedBy: person,
    attendees: fc.uniqueArray(section, { maxLength: 19 }),
    agendaSetBy: fc.constantFrom('office', 'consumer-protection', 'metrology', 'other'),
    minutesTaken: fc.boolean(),
    proposedBy: fc.constantFrom('food-circulation', 'party-group', 'other'),
    submittedToOfficeOn: day,
    materialsCirculatedOn: fc.option(day, { nil: undefined }),
    discussion: fc.array(fc.record({ section, position: fc.constantFrom('support', 'object', 'abstain'), resolved: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 6 }),
    method: fc.constantFrom('consensus', 'consultation', 'majority-vote', 'convener-alone'),
    assignments: fc.array(fc.record({ section: fc.constantFrom('metrology', 'drugs', 'other'), dueOn: fc.option(day, { nil: undefined }) }), { maxLength: 4 }),
    summary: fc.option(fc.record({ lag: fc.integer({ min: 0, max: 3 }), issuedBy: fc.constantFrom('office', 'consumer-protection', 'convener', 'other') }), { nil: undefined }),
  })
  .map((r): MeetingRecordInput => {
    const strip = <T extends object>(o: T) => JSON.parse(JSON.stringify(o)) as T
    return strip({
      meeting: {
        id: 'JM-P', type: r.type, requestedBy: r.type === 'ad-hoc' ? r.requestedBy : undefined, heldOn: r.heldOn,
        convenedBy: r.convenedBy, chairedBy: r.chairedBy, attendees: r.attendees, agendaSetBy: r.agendaSetBy, minutesTaken: r.minutesTaken,
      },
      topic: { title: 't', proposedBy: r.proposedBy, submittedToOfficeOn: r.submittedToOfficeOn },
      deliberation: { materialsCirculatedOn: r.materialsCirculatedOn },
      discussion: r.discussion,
      decision: { method: r.method, text: 'x', assignments: r.assignments.map((a) => ({ ...a, task: 't' })) },
      summary: r.summary && { issuedOn: `2026-04-0${r.summary.lag + 1}`, issuedBy: r.summary.issuedBy },
    } as MeetingRecordInput)
  })

describe('properties', () => {
  const procedure = ruleSet.meetingProcedure!
  const params = Object.fromEntries(Object.entries(procedure.params).map(([k, p]) => [k, p.value]))
  const evaluate = createConditionEvaluator(procedure.checks.map((c) => ({ id: c.code, when: c.when })), () => undefined)

  test('json-rules-engine and explainCondition agree on every check', async () => {
    await fc.assert(
      fc.asyncProperty(recordArbitrary, async (input) => {
        const facts = deriveMeetingFacts(validateMeetingRecord(input), params)
        const fired = await evaluate(facts)
        for (const check of procedure.checks) expect(explainCondition(check.when, facts, () => undefined).result, check.code).toBe(fired.has(check.code))
      }),
      { numRuns: 300 },
    )
  })

  test('compliant exactly when no violation; findings in check order; paths inside the record', async () => {
    const order = procedure.checks.map((c) => c.code)
    await fc.assert(
      fc.asyncProperty(recordArbitrary, async (input) => {
        const { compliant, findings } = await engine.checkMeetingDecision(input)
        expect(compliant).toBe(!findings.some((f) => f.severity === 'violation'))
        const ranks = findings.map((f) => order.indexOf(f.code))
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
        for (const f of findings) {
          expect(f.basis.length).toBeGreaterThan(0)
          expect(f.path!.includes('*')).toBe(false)
          // A path with a position points at an element that exists.
          const i = f.path!.findIndex((k) => typeof k === 'number')
          if (i >= 0) {
            let node: unknown = input
            for (const k of f.path!.slice(0, i + 1)) node = (node as Record<string | number, unknown>)[k]
            expect(node).toBeDefined()
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
