import { describe, expect, it } from 'vitest'
import { itemFacts } from './itemFacts.js'
import { DATE_ORDER, ITEM_FIELDS, ITEM_SCHEMAS, ITEM_TYPES, type TrackedItem } from './trackedItems.js'

/** One item of each type with every field given. */
const FULL: Record<(typeof ITEM_TYPES)[number], TrackedItem> = {
  complaint: {
    type: 'complaint', id: 'C', section: 'metrology', receivedOn: '2026-03-02', acceptedOn: '2026-03-06', mediationEndedOn: '2026-04-01',
    partiesNotifiedOn: '2026-04-02', suspendedDays: 1,
    acceptance: { decision: 'accepted', on: '2026-03-06', notifiedOn: '2026-03-06' },
    mediation: { consented: true, endedOn: '2026-04-01', outcome: 'terminated', terminationGround: 4, partiesNotifiedOn: '2026-04-02' },
    suspensions: [{ from: '2026-03-09', to: '2026-03-10', reason: 'testing' }],
    violationClue: { foundOn: '2026-03-16', verifiedOn: '2026-03-20', extensionApproved: false },
    jurisdictionDispute: { arisenOn: '2026-03-03', settledOn: '2026-03-05' },
  },
  report: {
    type: 'report', id: 'R', section: 'metrology', receivedOn: '2026-03-02', extensionApproved: false, caseDecisionOn: '2026-03-10', realName: true,
    reporterNotifiedOn: '2026-03-11', suspendedDays: 1, suspensions: [{ from: '2026-03-03', to: '2026-03-03', reason: 'testing' }],
    jurisdictionDispute: { arisenOn: '2026-03-03', settledOn: '2026-03-05' },
  },
  'meeting-task': {
    type: 'meeting-task', id: 'M', section: 'metrology', meetingId: 'JM', assignedOn: '2026-03-02', dueOn: '2026-03-10', completedOn: '2026-03-12',
    criticismIssuedOn: '2026-03-11', newDueOn: '2026-03-13', nextMeeting: { heldOn: '2026-04-01', reported: true },
  },
}

describe('ITEM_FIELDS', () => {
  it.each(ITEM_TYPES)('names, for a %s item, only facts itemFacts derives, and every flat date, flag and count of the input', (type) => {
    expect(ITEM_SCHEMAS[type].safeParse(FULL[type]).success).toBe(true)
    const named = Object.values(ITEM_FIELDS[type]).flat() as string[]
    const facts = itemFacts(FULL[type]).values
    for (const field of named) expect(facts, field).toHaveProperty(field)
    const shape = ITEM_SCHEMAS[type].shape as Record<string, unknown>
    const nested = ['acceptance', 'mediation', 'suspensions', 'violationClue', 'jurisdictionDispute', 'nextMeeting']
    const others = ['type', 'id', 'section', 'meetingId', ...nested]
    for (const key of Object.keys(shape)) if (!others.includes(key)) expect(named, key).toContain(key)
  })

  it.each(ITEM_TYPES)('orders only dates of a %s item', (type) => {
    const dates = [...ITEM_FIELDS[type].events, ...ITEM_FIELDS[type].dues] as string[]
    for (const [later, earlier] of DATE_ORDER[type]) expect(dates).toEqual(expect.arrayContaining([later, earlier]))
  })
})
