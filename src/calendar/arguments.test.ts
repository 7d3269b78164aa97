/**
 * The calendar's argument checks are written by hand (to keep zod out of a calendar-only bundle); zod
 * stays their specification: each check accepts exactly what the zod schema it replaced accepts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { isoDate } from '../ruleset/schemas.js'
import { booleanOptions, isInteger, isIsoDate } from './arguments.js'

const dateLike = fc.oneof(
  fc.integer({ min: -1000, max: 12000 }).map((y) => `${y}`.padStart(4, '0')),
  fc.tuple(fc.integer({ min: 1850, max: 2250 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.constantFrom('2024-02-29', '2026-02-29', '1900-02-29', '2000-02-29', '2200-12-31', '2201-01-01', '1899-12-31', '2026-1-1', ' 2026-01-01', '2026-01-01T00:00:00Z', '２０２６-01-01'),
)

describe('the calendar argument checks agree with the zod schemas they replace', () => {
  it('isIsoDate as isoDate', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string(), fc.anything()), (value) => {
        expect(isIsoDate(value)).toBe(isoDate.safeParse(value).success)
      }),
      { numRuns: 3000 },
    )
  })

  it('isInteger as z.number().int()', () => {
    const integer = z.number().int()
    const edges = fc.constantFrom(0, -0, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1e21, 0.5, NaN, Infinity, -Infinity, '1', 1n, null)
    fc.assert(
      fc.property(fc.oneof(edges, fc.integer(), fc.double(), fc.anything()), (value) => {
        expect(isInteger(value)).toBe(integer.safeParse(value).success)
      }),
      { numRuns: 3000 },
    )
  })

  it('booleanOptions as z.strictObject({ … z.boolean().optional() }).optional()', () => {
    const keys = ['provisional', 'countStartDay'] as const
    const schema = z.strictObject({ provisional: z.boolean().optional(), countStartDay: z.boolean().optional() }).optional()
    const option = fc.oneof(fc.boolean(), fc.constant(undefined), fc.anything())
    const options = fc.oneof(
      fc.record({ provisional: option, countStartDay: option }, { requiredKeys: [] }),
      fc.record({ provisional: fc.boolean(), other: fc.anything() }, { requiredKeys: ['other'] }),
      fc.record({ provisional: fc.boolean() }).map((o) => Object.assign(Object.create(null) as object, o)),
      fc.record({ provisional: fc.boolean() }).map((o) => Object.assign(Object.create({ inherited: true }) as object, o)),
      fc.constantFrom(null, [], [true], new Date(0), JSON.parse('{"__proto__": true}') as unknown, 'provisional', true),
      fc.anything({ withNullPrototype: true, withObjectString: true }),
    )
    fc.assert(
      fc.property(options, (value) => {
        const parsed = schema.safeParse(value)
        const checked = booleanOptions(value, keys)
        expect(checked !== undefined).toBe(parsed.success)
        if (parsed.success) expect(checked).toEqual(parsed.data ?? {})
      }),
      { numRuns: 3000 },
    )
  })
})
