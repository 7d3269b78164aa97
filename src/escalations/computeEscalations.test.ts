import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../engine/createEngine.js'
import { dayNumberOf, toIsoDate } from '../dates/index.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { TrackedItem } from './trackedItems.js'
import type { EscalationEntry } from './types.js'

const engine = createEngine()

async function thrown(run: () => Promise<unknown>): Promise<XiaobaoError> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(XiaobaoError)
    return error as XiaobaoError
  }
  throw new Error('expected a XiaobaoError')
}

const complaint = (extra: Partial<Extract<TrackedItem, { type: 'complaint' }>> = {}): TrackedItem => ({
  type: 'complaint',
  id: 'C1',
  section: 'food-circulation',
  receivedOn: '2026-02-12',
  ...extra,
})

describe('computeEscalations: the contract', () => {
  it('one entry per item and deadline whose start event has happened, in item then YAML order', async () => {
    const out = await engine.computeEscalations(
      [
        complaint({ acceptedOn: '2026-02-24' }),
        { type: 'report', id: 'R1', section: 'advertising', receivedOn: '2026-09-18', realName: true, caseDecisionOn: '2026-10-09' },
        { type: 'report', id: 'R2', section: 'advertising', receivedOn: '2026-09-18', realName: false, caseDecisionOn: '2026-10-09' },
        { type: 'meeting-task', id: 'M1', section: 'metrology', meetingId: 'JM-1', assignedOn: '2026-09-01', dueOn: '2026-10-09' },
      ],
      { asOf: '2026-10-20' },
    )
    expect(out.map((e) => `${e.itemId} ${e.deadline}`)).toEqual([
      'C1 complaint-acceptance',
      'C1 mediation',
      'R1 report-verification',
      'R1 reporter-notice',
      'R2 report-verification',
      'M1 meeting-task',
    ])
  })

  it('an entry carries due date, status, level, actions with actors, quoted basis and the next review date', async () => {
    const [entry] = await engine.computeEscalations([complaint()], { asOf: '2026-03-02' })
    expect(entry).toEqual({
      itemId: 'C1',
      deadline: 'complaint-acceptance',
      dueOn: '2026-02-28',
      status: 'overdue',
      workingDaysLate: 1,
      level: 2,
      actions: [{ code: 'supervise', actor: { id: '12315-center', name: '12315指挥中心' }, message: expect.stringContaining('督办：C1 的受理决定已于 2026-02-28 届满'), messageEn: expect.stringContaining('Supervise') }],
      basis: [
        { doc: 'complaint-measures', seq: 14, printed: '第十四条', text: expect.stringContaining('七个工作日内') },
        { doc: 'implementation-measures', seq: 4, printed: '第四条', item: 7, label: '(七)', text: expect.stringContaining('督办和考核') },
      ],
      nextReviewOn: '2026-03-06',
      ruleSet: { version: expect.any(String), hash: expect.stringMatching(/^sha256:[0-9a-f]{16}$/) },
    })
    expect(JSON.parse(JSON.stringify(entry))).toEqual(entry)
  })

  it('status moves pending → due-soon → overdue, and nextReviewOn is the day it moves', async () => {
    const at = async (asOf: string) => (await engine.computeEscalations([complaint()], { asOf }))[0]!
    expect(await at('2026-02-25')).toMatchObject({ status: 'pending', level: 0, nextReviewOn: '2026-02-26' })
    expect(await at('2026-02-26')).toMatchObject({ status: 'due-soon', level: 1, nextReviewOn: '2026-03-01' })
    expect(await at('2026-02-28')).toMatchObject({ status: 'due-soon', level: 1 })
    // 3-1 is a Sunday: overdue, but by 0 working days yet.
    expect(await at('2026-03-01')).toMatchObject({ status: 'overdue', workingDaysLate: 0, level: 2, nextReviewOn: '2026-03-06' })
  })

  it('met and met-late carry no actions and no next review', async () => {
    const out = await engine.computeEscalations([complaint({ acceptedOn: '2026-02-28' }), complaint({ id: 'C2', acceptedOn: '2026-03-04' })], { asOf: '2026-03-04' })
    const [met, , late] = out
    expect(met).toMatchObject({ status: 'met', level: 0, actions: [] })
    expect(met).not.toHaveProperty('workingDaysLate')
    expect(met).not.toHaveProperty('nextReviewOn')
    expect(late).toMatchObject({ itemId: 'C2', deadline: 'complaint-acceptance', status: 'met-late', workingDaysLate: 3, level: 0, actions: [] })
  })

  it('an event dated after asOf has not happened yet, as of then', async () => {
    const out = await engine.computeEscalations([complaint({ acceptedOn: '2026-02-27' })], { asOf: '2026-02-26' })
    expect(out.map((e) => [e.deadline, e.status])).toEqual([['complaint-acceptance', 'due-soon']])
  })

  it('the extension and the suspension lengthen the clock and add their articles', async () => {
    const [report] = await engine.computeEscalations([{ type: 'report', id: 'R', section: 'drugs', receivedOn: '2026-09-18', realName: false, extensionApproved: true }], { asOf: '2026-10-20' })
    expect(report).toMatchObject({ dueOn: '2026-11-05', status: 'pending' })
    const [, mediation] = await engine.computeEscalations([complaint({ receivedOn: '2026-05-28', acceptedOn: '2026-06-01', suspendedDays: 10 })], { asOf: '2026-06-02' })
    expect(mediation).toMatchObject({ deadline: 'mediation', dueOn: '2026-08-18' })
    expect(mediation!.basis.map((b) => [b.doc, b.seq, b.item])).toEqual([
      ['complaint-measures', 16, undefined],
      ['complaint-measures', 21, 5],
      ['complaint-measures', 20, 3],
    ])
  })

  it('a meeting task: criticism done drops that action; the new deadline passing reaches the convener', async () => {
    const task: TrackedItem = { type: 'meeting-task', id: 'M', section: 'advertising', meetingId: 'JM-3', assignedOn: '2026-09-01', dueOn: '2026-10-09' }
    const [before] = await engine.computeEscalations([task], { asOf: '2026-10-12' })
    expect(before!.actions.map((a) => [a.code, a.actor])).toEqual([['criticize', 'joint-meeting-office']])
    const [after] = await engine.computeEscalations([{ ...task, criticismIssuedOn: '2026-10-12', newDueOn: '2026-10-16' }], { asOf: '2026-10-19' })
    expect(after).toMatchObject({ level: 3, workingDaysLate: 7 })
    expect(after!.actions.map((a) => [a.code, a.actor])).toEqual([['escalate-to-convener', 'convener']])
    expect(after!.actions[0]!.message).toContain('2026-10-16')
  })
})

describe('computeEscalations: outcomes (issue 11)', () => {
  const accepted = { receivedOn: '2026-03-02', acceptance: { decision: 'accepted' as const, on: '2026-03-06', notifiedOn: '2026-03-06' } }

  it('a late-finished assignment keeps the criticism due, with its level, until one is recorded', async () => {
    const task: TrackedItem = { type: 'meeting-task', id: 'M', section: 'advertising', meetingId: 'JM-3', assignedOn: '2026-09-01', dueOn: '2026-09-30', completedOn: '2026-10-10' }
    const [late] = await engine.computeEscalations([task], { asOf: '2026-10-20' })
    expect(late).toMatchObject({ status: 'met-late', level: 2 })
    expect(late!.actions.map((a) => a.code)).toEqual(['criticize'])
    expect(late!.basis.map((b) => [b.seq, b.item])).toContainEqual([26, 2])
  })

  it('every assignment with a next meeting gets a report-at-next-meeting entry', async () => {
    const task: TrackedItem = { type: 'meeting-task', id: 'M', section: 'advertising', meetingId: 'JM-3', assignedOn: '2026-09-01', dueOn: '2026-12-30', nextMeeting: { heldOn: '2026-10-23', reported: false } }
    const entries = await engine.computeEscalations([task], { asOf: '2026-10-21' })
    expect(entries.map((e) => [e.deadline, e.status])).toEqual([
      ['meeting-task', 'pending'],
      ['meeting-report', 'due-soon'],
    ])
    expect(entries[1]!.actions[0]!.message).toContain('2026-10-23')
  })

  it('testing periods given as dates count only their working days, and cite the article', async () => {
    const [, , mediation] = await engine.computeEscalations(
      [complaint({ ...accepted, mediation: { consented: true }, suspensions: [{ from: '2026-04-01', to: '2026-04-10', reason: 'testing' }] })],
      { asOf: '2026-04-20' },
    )
    expect(mediation).toMatchObject({ deadline: 'mediation', dueOn: '2026-05-22' })
    expect(mediation!.basis.map((b) => [b.seq, b.item])).toContainEqual([20, 3])
  })

  it('a recusal suspends mediation (第十九条第二款)', async () => {
    const [, , mediation] = await engine.computeEscalations(
      [complaint({ ...accepted, mediation: { consented: true }, suspensions: [{ from: '2026-03-16', to: '2026-03-20', reason: 'recusal' }] })],
      { asOf: '2026-04-01' },
    )
    expect(mediation).toMatchObject({ deadline: 'mediation', dueOn: '2026-05-20' })
    expect(mediation!.basis.map((b) => [b.seq, b.item])).toContainEqual([19, 2])
  })

  it.each([
    ['acceptedOn disagreeing with acceptance', { ...accepted, acceptedOn: '2026-03-05' }, 'items[0].acceptedOn'],
    ['a mediation without consent that ended', { ...accepted, mediation: { consented: false, endedOn: '2026-04-01', outcome: 'agreement' } }, 'items[0].mediation.endedOn'],
    ['an outcome without endedOn', { ...accepted, mediation: { consented: true, outcome: 'terminated' } }, 'items[0].mediation.endedOn'],
    ['a termination ground on an agreement', { ...accepted, mediation: { consented: true, endedOn: '2026-04-01', outcome: 'agreement', terminationGround: 1 } }, 'items[0].mediation.terminationGround'],
    ['a ground outside 1..7', { ...accepted, mediation: { consented: true, endedOn: '2026-04-01', outcome: 'terminated', terminationGround: 8 } }, 'items[0].mediation.terminationGround'],
    ['a suspension ending before it starts', { ...accepted, suspensions: [{ from: '2026-03-10', to: '2026-03-09', reason: 'testing' }] }, 'items[0].suspensions.0.to'],
    ['legacy and nested mediation fields together', { ...accepted, mediationEndedOn: '2026-04-01', mediation: { consented: true } }, 'items[0].mediationEndedOn'],
  ])('refuses %s with invalid_input naming the field', async (_name, fields, where) => {
    const error = await thrown(() => engine.computeEscalations([complaint(fields as never)], { asOf: '2026-04-20' }))
    expect(error.code).toBe('invalid_input')
    expect(error.issues.map((i) => i.message).join('\n')).toContain(where)
  })
})

describe('computeEscalations: the calendar', () => {
  const december = complaint({ id: 'D', receivedOn: '2026-11-30', acceptedOn: '2026-12-01' })

  it('a year no notice covers is calendar_coverage naming the year and the item, not a guess', async () => {
    const error = await thrown(() => engine.computeEscalations([december], { asOf: '2026-12-10' }))
    expect(error.code).toBe('calendar_coverage')
    expect(error.issues[0].message).toContain('2027')
    expect(error.issues[0].message).toMatch(/^items\[0\]（D，调解期限）/)
    expect(error.issues[0].path).toEqual([0])
    expect(error.cause).toBeInstanceOf(XiaobaoError)
  })

  it('with provisional: true the affected entries say so, the others do not', async () => {
    const [acceptance, mediation] = await engine.computeEscalations([december], { asOf: '2026-12-10', provisional: true })
    expect(acceptance).not.toHaveProperty('provisional')
    expect(mediation).toMatchObject({ dueOn: '2027-02-03', provisional: true })
  })

  it('engine.calendar is the rule set’s calendar', () => {
    expect(engine.calendar).toBe(engine.calendar)
    expect(engine.calendar.addWorkingDays('2026-02-12', 7).date).toBe('2026-02-28')
  })
})

describe('computeEscalations: bad input is a typed error, never a crash', () => {
  it.each([
    ['not an array', { items: [] }, [], 'items 应为列表'],
    ['an unknown type', [{ type: 'letter', id: 'x' }], [0, 'type'], 'items[0].type'],
    ['a bad date in the second item', [complaint(), { ...complaint({ id: 'C2' }), receivedOn: '2026-02-30' }], [1, 'receivedOn'], 'items[1].receivedOn'],
    ['an unknown section', [{ ...complaint(), section: 'food' }], [0, 'section'], 'items[0].section'],
    ['an unknown field', [{ ...complaint(), recievedOn: '2026-02-12' }], [0], '未知的字段：recievedOn（在 items[0] 中）'],
    ['a missing realName', [{ type: 'report', id: 'R', section: 'drugs', receivedOn: '2026-02-12' }], [0, 'realName'], '缺少字段 items[0].realName'],
    ['acceptance before receipt', [complaint({ acceptedOn: '2026-02-11' })], [0, 'acceptedOn'], 'items[0].acceptedOn（2026-02-11）早于 receivedOn'],
    ['mediation ended without acceptance', [complaint({ mediationEndedOn: '2026-03-01' })], [0, 'mediationEndedOn'], '没有 acceptedOn'],
    ['criticism before the due date', [{ type: 'meeting-task', id: 'M', section: 'drugs', meetingId: 'J', assignedOn: '2026-09-01', dueOn: '2026-10-09', criticismIssuedOn: '2026-10-09' }], [0, 'criticismIssuedOn'], '不晚于 dueOn'],
    ['a new deadline without the criticism', [{ type: 'meeting-task', id: 'M', section: 'drugs', meetingId: 'J', assignedOn: '2026-09-01', dueOn: '2026-10-09', newDueOn: '2026-10-20' }], [0, 'newDueOn'], '没有 criticismIssuedOn'],
    ['the same id twice', [complaint(), complaint()], [1, 'id'], 'items[1].id "C1" 与 items[0] 重复'],
    ['null', [null], [0], 'items[0] 应为对象'],
  ] as const)('%s', async (_name, items, path, text) => {
    const error = await thrown(() => engine.computeEscalations(items as never, { asOf: '2026-03-02' }))
    expect(error.code).toBe('invalid_input')
    expect(error.issues[0].path).toEqual(path)
    expect(error.issues[0].message).toContain(text)
    expect(error.issues[0].messageEn.length).toBeGreaterThan(10)
  })

  it('an ill-formed date is reported once', async () => {
    const error = await thrown(() => engine.computeEscalations([{ ...complaint(), receivedOn: '2026/02/12' }] as never, { asOf: '2026-03-02' }))
    expect(error.issues).toHaveLength(1)
  })

  it.each([
    ['no options', undefined],
    ['a bad asOf', { asOf: '20261020' }],
    ['an unknown option', { asOf: '2026-10-20', strict: true }],
  ])('options: %s', async (_name, options) => {
    const error = await thrown(() => engine.computeEscalations([], options as never))
    expect(error.code).toBe('invalid_input')
    expect(error.issues[0].path![0]).toBe('options')
  })

  it('a rule set without deadlines says which file is missing', async () => {
    const bare = createEngine({ rules: { ...engine.ruleSet, deadlines: undefined } })
    const error = await thrown(() => bare.computeEscalations([complaint()], { asOf: '2026-03-02' }))
    expect(error.code).toBe('missing_file')
    expect(error.issues[0].message).toContain('rules/deadlines.yaml')
  })
})

// Properties over 2025-2026, the years the notices cover.
const dateIn = (from: [number, number, number], to: [number, number, number]) => fc.integer({ min: dayNumberOf(...from), max: dayNumberOf(...to) }).map(toIsoDate)
const received = dateIn([2025, 1, 1], [2026, 6, 30])
const offset = fc.integer({ min: 0, max: 120 })

describe('computeEscalations: properties', () => {
  const addDays = (date: string, n: number) => engine.calendar.addCalendarDays(date, n)
  const state = (e: EscalationEntry) => `${e.status}/${e.level}/${e.actions.map((a) => a.code).join(',')}`

  it('a working-day due date is always a working day, the n-th after the start event', async () => {
    await fc.assert(
      fc.asyncProperty(received, offset, async (receivedOn, days) => {
        const [entry] = await engine.computeEscalations([complaint({ receivedOn })], { asOf: addDays(receivedOn, days) })
        expect(engine.calendar.isWorkingDay(entry!.dueOn)).toBe(true)
        expect(engine.calendar.workingDaysBetween(receivedOn, entry!.dueOn).days).toBe(7)
      }),
      { numRuns: 200 },
    )
  })

  it('status and level only move forward as asOf advances, and nothing changes before nextReviewOn', async () => {
    const rank = { pending: 0, 'due-soon': 1, overdue: 2, met: 3, 'met-late': 3 } as const
    await fc.assert(
      fc.asyncProperty(received, offset, async (receivedOn, days) => {
        const asOf = addDays(receivedOn, days)
        const [now] = await engine.computeEscalations([complaint({ receivedOn })], { asOf })
        const [next] = await engine.computeEscalations([complaint({ receivedOn })], { asOf: addDays(asOf, 1) })
        expect(rank[next!.status]).toBeGreaterThanOrEqual(rank[now!.status])
        expect(next!.level).toBeGreaterThanOrEqual(now!.level)
        if (now!.nextReviewOn) {
          expect(now!.nextReviewOn > asOf).toBe(true)
          const [eve] = await engine.computeEscalations([complaint({ receivedOn })], { asOf: addDays(now!.nextReviewOn, -1) })
          const [then] = await engine.computeEscalations([complaint({ receivedOn })], { asOf: now!.nextReviewOn })
          expect(state(eve!)).toBe(state(now!))
          expect(state(then!)).not.toBe(state(now!))
        } else {
          const [later] = await engine.computeEscalations([complaint({ receivedOn })], { asOf: addDays(asOf, 60) })
          expect(state(later!)).toBe(state(now!))
        }
      }),
      { numRuns: 150 },
    )
  })

  it('met exactly when the event falls on or before the due date; met-late counts working days after it', async () => {
    await fc.assert(
      fc.asyncProperty(received, fc.integer({ min: 0, max: 40 }), async (receivedOn, days) => {
        const acceptedOn = addDays(receivedOn, days)
        const [entry] = await engine.computeEscalations([complaint({ receivedOn, acceptedOn })], { asOf: acceptedOn })
        expect(entry!.status).toBe(acceptedOn <= entry!.dueOn ? 'met' : 'met-late')
        if (entry!.status === 'met-late') expect(entry!.workingDaysLate).toBe(engine.calendar.workingDaysBetween(entry!.dueOn, acceptedOn).days)
      }),
      { numRuns: 200 },
    )
  })
})

describe('computeEscalations: properties of the outcome fields (issue 11)', () => {
  const addDays = (date: string, n: number) => engine.calendar.addCalendarDays(date, n)
  const anyValue = fc.oneof(fc.anything(), fc.string(), fc.constant(null), fc.integer(), fc.constant('2026-13-01'))
  const maybeDate = fc.oneof(dateIn([2026, 1, 1], [2026, 9, 30]), anyValue)
  const outcomeFields = fc.record(
    {
      acceptance: fc.oneof(anyValue, fc.record({ decision: fc.oneof(fc.constantFrom('accepted', 'not-accepted'), anyValue), on: maybeDate, notifiedOn: maybeDate }, { requiredKeys: [] })),
      mediation: fc.oneof(
        anyValue,
        fc.record(
          {
            consented: fc.oneof(fc.boolean(), anyValue),
            endedOn: maybeDate,
            outcome: fc.oneof(fc.constantFrom('agreement', 'terminated'), anyValue),
            terminationGround: fc.oneof(fc.integer({ min: -2, max: 9 }), anyValue),
            partiesNotifiedOn: maybeDate,
          },
          { requiredKeys: [] },
        ),
      ),
      suspensions: fc.oneof(anyValue, fc.array(fc.record({ from: maybeDate, to: maybeDate, reason: fc.oneof(fc.constantFrom('recusal', 'testing'), anyValue) }, { requiredKeys: [] }), { maxLength: 3 })),
      violationClue: fc.oneof(anyValue, fc.record({ foundOn: maybeDate, verifiedOn: maybeDate, extensionApproved: fc.oneof(fc.boolean(), anyValue) }, { requiredKeys: [] })),
      jurisdictionDispute: fc.oneof(anyValue, fc.record({ arisenOn: maybeDate, settledOn: maybeDate }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  )

  it('bad or odd outcome fields give entries or an invalid_input XiaobaoError, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(outcomeFields, fc.constantFrom('complaint', 'report'), async (fields, type) => {
        const base = type === 'complaint' ? { type, id: 'P', section: 'metrology', receivedOn: '2026-01-05' } : { type, id: 'P', section: 'metrology', receivedOn: '2026-01-05', realName: true }
        try {
          await engine.computeEscalations([{ ...base, ...fields }] as never, { asOf: '2026-10-30' })
        } catch (error) {
          expect(error).toBeInstanceOf(XiaobaoError)
          expect((error as XiaobaoError).code).toBe('invalid_input')
          expect((error as XiaobaoError).issues[0].message).toContain('items[0]')
        }
      }),
      { numRuns: 300 },
    )
  })

  it('a bad nextMeeting is an invalid_input XiaobaoError, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue, fc.record({ heldOn: maybeDate, reported: fc.oneof(fc.boolean(), anyValue) }, { requiredKeys: [] })), async (nextMeeting) => {
        const task = { type: 'meeting-task', id: 'M', section: 'metrology', meetingId: 'JM', assignedOn: '2026-03-02', dueOn: '2026-04-30', nextMeeting }
        let entries: EscalationEntry[] | undefined
        try {
          entries = await engine.computeEscalations([task] as never, { asOf: '2026-10-30' })
        } catch (error) {
          expect(error).toBeInstanceOf(XiaobaoError)
          expect((error as XiaobaoError).code).toBe('invalid_input')
        }
        if (entries) expect(entries.some((e) => e.deadline === 'meeting-report')).toBe(nextMeeting !== undefined)
      }),
      { numRuns: 200 },
    )
  })

  it('the mediation clock runs exactly for an accepted complaint with consent; the notice exactly after a termination', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('accepted', 'not-accepted'), fc.boolean(), fc.constantFrom('agreement', 'terminated', undefined), async (decision, consented, outcome) => {
        fc.pre(decision === 'accepted' || !consented)
        fc.pre(consented || outcome === undefined)
        const mediation = outcome ? { consented, endedOn: '2026-04-01', outcome } : { consented }
        const entries = await engine.computeEscalations([complaint({ receivedOn: '2026-03-02', acceptance: { decision, on: '2026-03-06' }, mediation })], { asOf: '2026-04-20' })
        const deadlines = entries.map((e) => e.deadline)
        expect(deadlines.includes('mediation')).toBe(decision === 'accepted' && consented)
        expect(deadlines.includes('mediation-end-notice')).toBe(outcome === 'terminated')
      }),
    )
  })

  it('a testing period given as dates moves the due date as its working days given as a count do', async () => {
    await fc.assert(
      fc.asyncProperty(dateIn([2025, 1, 1], [2026, 3, 31]), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 20 }), async (receivedOn, startAfter, length) => {
        const from = addDays(receivedOn, startAfter)
        const to = addDays(from, length)
        const days = engine.calendar.workingDaysBetween(addDays(from, -1), to).days
        const report = { type: 'report' as const, id: 'R', section: 'metrology' as const, receivedOn, realName: false }
        const asOf = addDays(to, 1)
        const [byDates] = await engine.computeEscalations([{ ...report, suspensions: [{ from, to, reason: 'testing' }] }], { asOf })
        const [byCount] = await engine.computeEscalations([{ ...report, suspendedDays: days }], { asOf })
        expect(byDates!.dueOn).toBe(byCount!.dueOn)
      }),
      { numRuns: 150 },
    )
  })

  it('year-end: a due date in December 2026 is computed without 2027 data and is never provisional, whatever the review day', async () => {
    await fc.assert(
      fc.asyncProperty(dateIn([2026, 11, 20], [2026, 12, 21]), dateIn([2026, 12, 1], [2026, 12, 31]), fc.boolean(), async (receivedOn, asOf, provisional) => {
        fc.pre(asOf >= receivedOn)
        const [entry] = await engine.computeEscalations([complaint({ receivedOn })], { asOf, ...(provisional ? { provisional } : {}) })
        expect(entry!.dueOn <= '2026-12-31').toBe(true)
        expect(entry!.provisional).toBeUndefined()
        if (entry!.nextReviewOn === undefined && entry!.status === 'overdue' && entry!.level < 3) expect(entry!.nextReviewNeedsYear).toBe(2027)
      }),
      { numRuns: 150 },
    )
  })
})
