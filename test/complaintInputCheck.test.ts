/**
 * Routing checks a complaint with `complaintInputCheck` (zod/mini) and route options with a zod/mini
 * schema, so a routing-only bundle carries no classic zod. They must be the exported classic
 * `complaintInput` and the classic options schema they replace, value for value: the same success,
 * the same output (defaults filled in), the same issues (so the same messages).
 */
import fc from 'fast-check'
import * as z from 'zod'
import { describe, expect, test } from 'vitest'
import { complaintInput } from '../src/routing/complaintInput.js'
import { complaintInputCheck } from '../src/routing/complaintInputCheck.js'
import { checkRouteOptions } from '../src/engine/routeOptions.js'
import { inputIssues } from '../src/problems/inputIssues.js'
import { XiaobaoError } from '../src/problems/XiaobaoError.js'

function same(classic: z.ZodType, mini: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown[] } } }, value: unknown): void {
  const a = classic.safeParse(value)
  const b = mini.safeParse(value)
  expect(b.success).toBe(a.success)
  if (a.success) expect(b.data).toEqual(a.data)
  else {
    expect(b.error!.issues).toEqual(a.error.issues)
    // And so the messages callers see.
    expect(inputIssues(value, b.error!.issues as never)).toEqual(inputIssues(value, a.error.issues))
  }
}

const date = fc.oneof(
  fc.constantFrom('2026-03-02', '2026-02-30', '2024-02-29', '2025-02-29', '1899-12-31', '2026-3-2', '', ' 2026-03-02', '2026-03-02T00:00'),
  fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.anything(),
)
/** Strings at the length limits (100 for a county, 200 for an id, 500 for a name) and either side. */
const atLimits = fc.constantFrom(99, 100, 101, 199, 200, 201, 499, 500, 501).map((n) => '县'.repeat(n))
const text = fc.oneof(fc.string(), fc.constantFrom('', '   ', '\u3000', '超市卖过期牛奶'), atLimits, fc.anything())
const bool = fc.oneof(fc.boolean(), fc.anything())
const county = fc.oneof(fc.constantFrom('XX县', '', 'ＸＸ县 '), fc.string({ maxLength: 120 }), atLimits, fc.anything())
const party = fc.oneof(fc.record({ name: text, county }, { requiredKeys: [] }), fc.anything())
const extra = fc.dictionary(fc.constantFrom('recievedOn', '__proto__', 'constructor', 'extra', 'text'), fc.anything(), { maxKeys: 2 })

const complaint = fc
  .tuple(
    fc.record(
      {
        id: fc.oneof(fc.string({ maxLength: 210 }), atLimits, fc.anything()),
        kind: fc.oneof(fc.constantFrom('complaint', 'report', 'inquiry', 'Complaint'), fc.anything()),
        channel: fc.oneof(fc.constantFrom('12315-platform', '12315-hotline', 'letter', 'visit', 'referral', 'email', undefined), fc.anything()),
        receivedOn: date,
        text,
        respondent: fc.oneof(
          fc.record({ name: text, county, operatesIn: county, domicile: county, online: bool, platformOperator: party }, { requiredKeys: [] }),
          fc.anything(),
        ),
        severity: fc.oneof(fc.constantFrom('normal', 'major', 'minor'), fc.anything()),
        occurredIn: county,
        advertisement: fc.oneof(
          fc.record({ medium: fc.oneof(fc.constantFrom('television', 'internet', 'tv'), fc.anything()), publisher: party, advertiser: party, selfPublished: bool }, { requiredKeys: [] }),
          fc.anything(),
        ),
        harmKnownOn: date,
        forLivingConsumption: bool,
        handledElsewhere: bool,
      },
      { requiredKeys: [] },
    ),
    extra,
    fc.boolean(),
  )
  .map(([record, more, withExtra]) => (withExtra ? { ...record, ...more } : record))

describe('the zod/mini checks equal the classic schemas', () => {
  test('complaintInputCheck is complaintInput, value for value', () => {
    fc.assert(fc.property(fc.oneof({ weight: 8, arbitrary: complaint }, { weight: 1, arbitrary: fc.anything() }), (value) => same(complaintInput, complaintInputCheck, value)), { numRuns: 3000 })
  })

  test('valid complaints (near-valid ones) pass both with the same output', () => {
    const valid = fc.record(
      {
        kind: fc.constantFrom('complaint', 'report', 'inquiry'),
        receivedOn: fc.constantFrom('2026-03-02', '2024-02-29'),
        text: fc.constantFrom('超市卖过期牛奶', '饭店卫生差'),
        channel: fc.constantFrom('letter', 'visit'),
        respondent: fc.record({ name: fc.string({ maxLength: 20 }), county: fc.constantFrom('XX县', 'YY县') }, { requiredKeys: [] }),
        harmKnownOn: fc.constantFrom('2020-01-01', '2026-02-30'),
        online: fc.boolean(),
      },
      { requiredKeys: ['kind', 'receivedOn', 'text'] },
    )
    fc.assert(fc.property(valid, (value) => same(complaintInput, complaintInputCheck, value)), { numRuns: 1000 })
  })

  test('route options: the mini schema is the classic one', () => {
    const classic = z.strictObject({ explain: z.boolean().optional() }).optional()
    const options = fc.oneof(fc.record({ explain: bool, explian: fc.boolean() }, { requiredKeys: [] }), fc.constant(undefined), fc.anything())
    fc.assert(
      fc.property(options, (value) => {
        const a = classic.safeParse(value)
        let b: unknown
        try {
          b = { ok: checkRouteOptions(value) }
        } catch (error) {
          expect(error).toBeInstanceOf(XiaobaoError)
          b = { issues: (error as XiaobaoError).issues }
        }
        expect(b).toEqual(a.success ? { ok: a.data } : { issues: inputIssues(value, a.error.issues, ['options']) })
      }),
      { numRuns: 2000 },
    )
  })
})
