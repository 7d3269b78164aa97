import { describe, expect, it } from 'vitest'
import { DATE_ORDER, ITEM_FIELDS, ITEM_SCHEMAS, ITEM_TYPES } from './trackedItems.js'

describe('ITEM_FIELDS', () => {
  it.each(ITEM_TYPES)('names every field of a %s item by what it holds, and only those', (type) => {
    const shape = ITEM_SCHEMAS[type].shape as Record<string, unknown>
    const named = Object.values(ITEM_FIELDS[type]).flat() as string[]
    const others = type === 'meeting-task' ? ['type', 'id', 'section', 'meetingId'] : ['type', 'id', 'section']
    expect([...named, ...others].sort()).toEqual(Object.keys(shape).sort())
  })

  it.each(ITEM_TYPES)('orders only dates of a %s item', (type) => {
    const dates = [...ITEM_FIELDS[type].events, ...ITEM_FIELDS[type].dues] as string[]
    for (const [later, earlier] of DATE_ORDER[type]) expect(dates).toEqual(expect.arrayContaining([later, earlier]))
  })
})
