/**
 * `fastComplaint` is the zod schema `complaintInput` written by hand for the common input; zod stays
 * its specification. Whenever it returns a value, zod accepts the same input and returns an equal
 * object, keys in the same order; when it returns undefined, zod decides (and words any error).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { complaintInput } from './complaintInput.js'
import { fastComplaint } from './fastComplaint.js'
import { snapshotInput } from '../problems/snapshotInput.js'

/** Keys in order, all the way down: toEqual ignores order and undefined-valued keys. */
const shape = (value: unknown): unknown =>
  value !== null && typeof value === 'object' ? Object.entries(value as object).map(([k, v]) => [k, v === undefined ? '<undefined>' : shape(v)]) : value

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 30 }, { arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: fc.anything(), weight: 1 })
/** Now and then a key the schema does not know. */
const withExtra = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.oneof({ arbitrary: fc.constant(null), weight: 12 }, fc.tuple(fc.constantFrom('extra', 'recievedOn', '__proto__', 'constructor', 'toString'), fc.anything()))).map(([value, extra]) =>
    extra ? (Object.defineProperty({ ...value }, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true }) as T) : value,
  )
const text = (max: number) =>
  fc.oneof({ arbitrary: fc.string({ maxLength: 20 }), weight: 30 }, fc.constantFrom('', ' ', '　', '\n', 'XX县', 'ＸＸ县 '), fc.string({ minLength: max - 1, maxLength: max + 1, unit: 'binary' }))
const date = fc.oneof(
  { arbitrary: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 8 },
  fc.tuple(fc.integer({ min: 1890, max: 2210 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.constantFrom('2026-03-02', '2024-02-29', '2026-02-29', '2026-1-1', ' 2026-01-01', '２０２６-01-01'),
)
const party = fc.record({ name: maybe(text(500)), county: maybe(text(100)) }, { requiredKeys: [], noNullPrototype: true })
const respondent = fc.record(
  {
    name: maybe(text(500)),
    county: maybe(text(100)),
    operatesIn: maybe(text(100)),
    domicile: maybe(text(100)),
    online: maybe(fc.boolean()),
    platformOperator: maybe(withExtra(party)),
  },
  { requiredKeys: [], noNullPrototype: true },
)
const complaint = fc.record(
  {
    id: maybe(text(200)),
    kind: fc.oneof({ arbitrary: fc.constantFrom('complaint', 'report', 'inquiry'), weight: 12 }, fc.constantFrom('other', undefined)),
    channel: maybe(fc.oneof({ arbitrary: fc.constantFrom('12315-platform', '12315-hotline', 'letter', 'visit', 'referral'), weight: 12 }, fc.constant('fax'))),
    receivedOn: fc.oneof({ arbitrary: date, weight: 12 }, fc.anything()),
    text: fc.oneof({ arbitrary: fc.oneof({ arbitrary: fc.string({ minLength: 1, unit: 'binary' }), weight: 4 }, fc.string(), fc.constantFrom('超市卖过期牛奶', '  ', '', '\u3000')), weight: 12 }, fc.anything()),
    respondent: maybe(withExtra(respondent)),
    severity: maybe(fc.oneof({ arbitrary: fc.constantFrom('normal', 'major'), weight: 12 }, fc.constant('minor'))),
    occurredIn: maybe(text(100)),
    advertisement: maybe(
      fc.record(
        { medium: maybe(fc.constantFrom('television', 'internet', 'outdoor', 'tv')), publisher: maybe(withExtra(party)), advertiser: maybe(party), selfPublished: maybe(fc.boolean()) },
        { requiredKeys: [], noNullPrototype: true },
      ),
    ),
    harmKnownOn: maybe(date),
    forLivingConsumption: maybe(fc.boolean()),
    handledElsewhere: maybe(fc.boolean()),
  },
  { requiredKeys: ['kind', 'receivedOn', 'text'], noNullPrototype: true },
).chain((c) => withExtra(fc.constant(c)))

describe('fastComplaint agrees with the zod schema complaintInput', () => {
  it('on generated complaints, valid and not', () => {
    let fast = 0
    let zodOnly = 0
    fc.assert(
      fc.property(fc.oneof({ arbitrary: complaint, weight: 4 }, { arbitrary: complaint.map((c) => snapshotInput(c)), weight: 4 }, fc.anything()), (value) => {
        const mine = fastComplaint(value)
        if (mine === undefined) {
          if (complaintInput.safeParse(value).success) zodOnly++
          return
        }
        fast++
        const parsed = complaintInput.safeParse(value)
        expect(parsed.success).toBe(true)
        expect(shape(mine)).toEqual(shape(parsed.data))
      }),
      { numRuns: 20_000 },
    )
    // The property is not vacuous: many generated complaints take the fast path.
    expect(fast).toBeGreaterThan(2000)
    // …and most inputs zod accepts do.
    expect(zodOnly).toBeLessThan(fast / 4)
  })

  it('leaves anything unusual to zod', () => {
    const base = { kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶' }
    expect(fastComplaint(base)).toEqual({ kind: 'complaint', channel: '12315-platform', receivedOn: '2026-03-02', text: '超市卖过期牛奶' })
    expect(fastComplaint(JSON.parse('{"kind":"complaint","receivedOn":"2026-03-02","text":"x","__proto__":{"a":1}}'))).toBeUndefined()
    expect(fastComplaint(Object.assign(Object.create(null) as object, base))).toBeUndefined()
    expect(fastComplaint({ ...base, recievedOn: '2026-03-02' })).toBeUndefined()
    expect(fastComplaint({ ...base, text: ' ' })).toBeUndefined()
    expect(fastComplaint({ ...base, receivedOn: '2026-02-29' })).toBeUndefined()
    expect(fastComplaint([base])).toBeUndefined()
  })
})
