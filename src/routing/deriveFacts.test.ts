import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createEngine } from '../engine/createEngine.js'
import { defaultRuleSet } from '../engine/defaultRuleSet.js'
import { complaintInput, type ComplaintInput } from './complaintInput.js'
import { deriveFacts, normalizeCounty, yearsCounted } from './deriveFacts.js'
import { yearsBetween } from '../dates/index.js'

const ruleSet = defaultRuleSet()
const engine = createEngine()
const factsOf = (input: ComplaintInput) => deriveFacts(complaintInput.parse(input), ruleSet)
const complaint = (extra: Partial<ComplaintInput> = {}): ComplaintInput => ({ kind: 'complaint', receivedOn: '2026-03-10', text: '电热毯一用就坏', ...extra })

describe('county names', () => {
  test('NFKC and trimmed; blank is not given', () => {
    expect(normalizeCounty('ＸＸ县')).toBe('XX县')
    expect(normalizeCounty('\u3000XX县 \t')).toBe('XX县')
    expect(normalizeCounty('   ')).toBeUndefined()
    expect(normalizeCounty(undefined)).toBeUndefined()
  })

  test('a blank county is missing, with a warning naming the field', () => {
    const { facts, warnings } = factsOf(complaint({ respondent: { county: ' ', platformOperator: { county: '' } } }))
    expect(facts).toMatchObject({ respondentCounty: 'XX县', platformCounty: null, respondentInCounty: true })
    expect(facts.respondent).toEqual({ platformOperator: {} })
    expect(warnings.map((w) => w.code)).toEqual(['county_blank', 'county_assumed'])
    expect(warnings[0]!.message).toContain('respondent.county、respondent.platformOperator.county')
  })

  test('第十二条: operatesIn or domicile in this county keeps a complaint here', () => {
    expect(factsOf(complaint({ respondent: { operatesIn: 'YY县', domicile: 'XX县' } })).facts).toMatchObject({
      respondentInCounty: true,
      respondentOperatesIn: 'YY县',
      respondentDomicile: 'XX县',
    })
    expect(factsOf(complaint({ respondent: { operatesIn: 'YY县', domicile: 'ZZ市' } })).facts).toMatchObject({ respondentInCounty: false, respondentCounty: 'YY县' })
    // county alone stands for either place, as before.
    expect(factsOf(complaint({ respondent: { county: 'YY县' } })).facts).toMatchObject({ respondentOperatesIn: 'YY县', respondentDomicile: 'YY县' })
  })

  test('property: any spelling of the own county that NFKC and trimming make equal never leaves the county', async () => {
    const space = fc.constantFrom('', ' ', '\u3000', '\t', '\u00a0')
    const spelling = fc.constantFrom('XX县', 'ＸＸ县', 'Ｘ' + 'X县', 'X' + 'Ｘ县')
    await fc.assert(
      fc.asyncProperty(space, spelling, space, fc.constantFrom('complaint', 'report') as fc.Arbitrary<'complaint' | 'report'>, async (before, name, after, kind) => {
        const county = before + name + after
        const r = await engine.routeComplaint({ kind, receivedOn: '2026-03-10', text: '电热毯一用就坏', respondent: { county, operatesIn: county, domicile: county }, occurredIn: county })
        expect(r.disposition).not.toBe('transfer')
      }),
      { numRuns: 60 },
    )
  })

  test('property: any county text is refused only when too long, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120, unit: 'binary' }), async (county) => {
        const run = engine.routeComplaint({ kind: 'complaint', receivedOn: '2026-03-10', text: '电热毯一用就坏', respondent: { county, domicile: county } })
        if (county.length > 100) await expect(run).rejects.toMatchObject({ name: 'XiaobaoError', code: 'invalid_input' })
        else expect((await run).disposition).toMatch(/^(route|transfer|reject)$/)
      }),
      { numRuns: 80 },
    )
  })
})

describe('advertisement (第二十八条)', () => {
  test('publisher and advertiser counties, normalised; the respondent stands in when one is missing', () => {
    const { facts } = factsOf({ kind: 'report', receivedOn: '2026-03-10', text: '举报广告', respondent: { county: 'YY县' }, advertisement: { medium: 'television', publisher: { county: ' ＸＸ县' } } })
    expect(facts).toMatchObject({ adMedium: 'television', adSelfPublished: false, adPublisherCounty: 'XX县', adAdvertiserCounty: 'YY县' })
    expect(factsOf({ kind: 'report', receivedOn: '2026-03-10', text: '举报', occurredIn: 'XX县' }).facts).toMatchObject({ adMedium: null })
  })

  test('a mass-media report without the publisher county is warned about', () => {
    const { warnings } = factsOf({ kind: 'report', receivedOn: '2026-03-10', text: '举报广告', respondent: { county: 'YY县' }, advertisement: { medium: 'radio' } })
    expect(warnings.map((w) => w.code)).toContain('publisher_county_assumed')
  })

  test('an unknown medium is a typed error', async () => {
    await expect(engine.routeComplaint({ kind: 'report', receivedOn: '2026-03-10', text: '举报', advertisement: { medium: 'tv' as never } })).rejects.toMatchObject({ code: 'invalid_input' })
  })
})

describe('the three-year bar, counted as the law counts periods', () => {
  test('the start day is not counted: the anniversary is the last day', () => {
    expect(yearsCounted('2023-03-11', '2026-03-11', ruleSet)).toBe(3)
    expect(yearsCounted('2023-03-11', '2026-03-12', ruleSet)).toBeGreaterThan(3)
  })

  test('a last day on a rest day moves to the next working day (《民法典》第二百零三条)', () => {
    // 2026-03-14 Saturday → Monday 03-16.
    expect(yearsCounted('2023-03-14', '2026-03-15', ruleSet)).toBe(3)
    expect(yearsCounted('2023-03-14', '2026-03-16', ruleSet)).toBe(3)
    expect(yearsCounted('2023-03-14', '2026-03-17', ruleSet)).toBeGreaterThan(3)
    // 2026-02-17 in 春节 (02-15..02-23) → 02-24.
    expect(yearsCounted('2023-02-17', '2026-02-24', ruleSet)).toBe(3)
    expect(yearsCounted('2023-02-17', '2026-02-25', ruleSet)).toBeGreaterThan(3)
    // Not only the third year: the rule's number decides, the fact serves any.
    expect(yearsCounted('2024-03-14', '2026-03-16', ruleSet)).toBe(2)
  })

  test('no rest day, no change; before the first anniversary, no change', () => {
    expect(yearsCounted('2025-06-01', '2026-03-10', ruleSet)).toBe(yearsBetween('2025-06-01', '2026-03-10'))
    expect(yearsCounted('2022-03-01', '2026-03-11', ruleSet)).toBe(yearsBetween('2022-03-01', '2026-03-11'))
  })

  test('a year without calendar data is said in a warning, not an error', () => {
    const warnings: Parameters<typeof yearsCounted>[3] = []
    // 2027-01-02 is a Saturday of a year with no notice: the provisional calendar answers.
    expect(yearsCounted('2024-01-02', '2027-01-04', ruleSet, warnings)).toBe(3)
    expect(warnings.map((w) => w.code)).toEqual(['time_bar_provisional'])
  })

  test('property: never greater than yearsBetween, equal except within a few days after an anniversary', () => {
    const day = fc.integer({ min: 0, max: 365 * 5 }).map((n) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const counted = yearsCounted(from, to, ruleSet)
        const plain = yearsBetween(from, to)
        expect(counted).toBeLessThanOrEqual(plain)
        if (counted !== plain) expect(counted).toBe(Math.floor(plain))
      }),
      { numRuns: 300 },
    )
  })
})
