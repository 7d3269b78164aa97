import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../engine/createEngine.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { recordsFromLines } from './ndjsonRecords.js'
import { renderReportHtml } from './renderReportHtml.js'
import { renderReportMarkdown } from './renderReportMarkdown.js'
import type { ReportSummary } from './types.js'

const engine = createEngine()
const period = { from: '2026-01-01', to: '2026-06-30' }
const record = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'complaint', receivedOn: '2026-03-02', text: '超市卖过期牛奶', ...extra })

async function thrown(run: () => Promise<unknown>): Promise<XiaobaoError> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(XiaobaoError)
    return error as XiaobaoError
  }
  throw new Error('expected a XiaobaoError')
}

describe('summarizeRecords: the contract', () => {
  it('is JSON-serialisable and deterministic', async () => {
    const records = [record('A'), record('B', { kind: 'report', occurredIn: 'XX县' }), record('C', { kind: 'inquiry', text: '问一下怎么退货' })]
    const a = await engine.summarizeRecords(records, period)
    const b = await engine.summarizeRecords(records, period)
    expect(JSON.parse(JSON.stringify(a))).toEqual(a)
    expect(a).toEqual(b)
    expect(a.chapters.map((c) => [c.id, c.basis.map((x) => `${x.doc}:${x.seq}`)])).toContainEqual(['overview', ['implementation-measures:27', 'complaint-measures:34']])
  })

  it('reads arrays, generators, async iterables and NDJSON lines alike; a line that is not JSON is an appendix entry with its line', async () => {
    const lines = [JSON.stringify(record('A')), '', '{ not json', JSON.stringify(record('B'))]
    async function* asyncRecords() {
      yield record('A')
      yield record('B')
    }
    const fromArray = await engine.summarizeRecords([record('A'), record('B')], period)
    const fromAsync = await engine.summarizeRecords(asyncRecords(), period)
    const fromLines = await engine.summarizeRecords(recordsFromLines(lines), period)
    expect(fromAsync.counts).toEqual(fromArray.counts)
    expect(fromLines.counts).toEqual(fromArray.counts)
    expect(fromLines.errors).toEqual([{ index: 2, line: 3, code: 'invalid_json', message: '第 3 行不是合法的 JSON。', messageEn: expect.stringContaining('line 3') }])
  })

  it('streams: records are pulled one at a time, not collected first', async () => {
    let pulled = 0
    const seen: number[] = []
    function* many() {
      for (let i = 0; i < 12_000; i++) {
        pulled++
        yield record(`R${i}`)
      }
    }
    const summary = await engine.summarizeRecords(many(), { ...period, audience: 'public', onProgress: (read) => seen.push(read - pulled) })
    expect(seen.slice(0, 2)).toEqual([0, 0])
    expect(summary.totals).toMatchObject({ read: 12_000, inPeriod: { count: 12_000 }, errors: 0 })
  })

  it('the public audience has no ids anywhere and no per-section handling', async () => {
    const records = Array.from({ length: 6 }, (_, i) => record(`ID-${i}`, { acceptedOn: '2026-03-03' }))
    const summary = await engine.summarizeRecords(records, { ...period, audience: 'public' })
    const json = JSON.stringify(summary)
    expect(json).not.toContain('ID-')
    expect(json).not.toContain('"ids"')
    expect(summary.handling.overdue.bySection).toEqual([])
    expect(summary.totals.inPeriod).toEqual({ count: 6 })
  })
})

describe('summarizeRecords: bad input is a typed error or an appendix entry, never a crash', () => {
  it.each([
    ['no options', undefined, ['options']],
    ['a bad date', { from: '2026-1-1', to: '2026-06-30' }, ['options', 'from']],
    ['an unknown option', { ...period, audiance: 'public' }, ['options']],
    ['an unknown audience', { ...period, audience: 'press' }, ['options', 'audience']],
    ['to before from', { from: '2026-06-30', to: '2026-01-01' }, ['options', 'to']],
    ['compareWith backwards', { ...period, compareWith: { from: '2025-12-31', to: '2025-07-01' } }, ['options', 'compareWith', 'to']],
  ])('options: %s', async (_name, options, path) => {
    const error = await thrown(() => engine.summarizeRecords([], options as never))
    expect(error.code).toBe('invalid_input')
    expect(error.issues[0].path).toEqual(path)
    expect(error.issues[0].messageEn.length).toBeGreaterThan(5)
  })

  it.each([['a string', 'not records'], ['a number', 42], ['null', null], ['an object', { records: [] }]])('records: %s', async (_name, records) => {
    const error = await thrown(() => engine.summarizeRecords(records as never, period))
    expect(error.code).toBe('invalid_input')
    expect(error.issues[0].path).toEqual(['records'])
  })

  it('a rule set without rules/report.yaml says which file is missing', async () => {
    const { report: _report, ...rest } = engine.ruleSet
    const bare = createEngine({ rules: rest })
    const error = await thrown(() => bare.summarizeRecords([], period))
    expect(error.code).toBe('missing_file')
    expect(error.issues[0].message).toContain('rules/report.yaml')
  })

  it('any value in the stream is counted, placed outside the period, or an appendix entry — never dropped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.anything(), fc.record({ id: fc.string({ minLength: 1 }), kind: fc.constantFrom('complaint', 'report', 'inquiry'), receivedOn: fc.constantFrom('2026-03-02', '2025-03-02', '2026-02-30'), text: fc.string({ minLength: 1 }) }, { requiredKeys: ['kind'] })), { maxLength: 20 }), async (values) => {
        const summary = await engine.summarizeRecords(values, period)
        expect(summary.totals.read).toBe(values.length)
        expect((summary.totals.inPeriod.count ?? 0) + summary.totals.outside + summary.totals.errors).toBe(values.length)
        expect(summary.errors).toHaveLength(summary.totals.errors)
      }),
      { numRuns: 60 },
    )
  })
})

// 《暂行办法》第三十三条、第三十五条: whatever the texts hold, the public report shows no phone, ID-card
// or bank-card number from them — not in the JSON, the Markdown or the HTML, not even when businesses
// may be named and the texts are quoted.
describe('summarizeRecords: public output never contains a phone, ID-card or bank-card number of the input', () => {
  const digit = fc.integer({ min: 0, max: 9 }).map(String)
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''))
  const phone = fc.tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(9)).map(([second, rest]) => `1${second}${rest}`)
  const idCard = fc.tuple(digits(17), fc.constantFrom('0', '1', '5', '9', 'X', 'x')).map(([body, check]) => body + check)
  const bankCard = fc.integer({ min: 16, max: 19 }).chain((n) => digits(n))
  const number = fc.oneof(phone, idCard, bankCard)
  const filler = fc.string({ unit: fc.constantFrom('超', '市', '牛', '奶', '过', '期', '，', ' ', '-', 'a', '电', '话', '号', '7', '0'), maxLength: 12 })
  const withNumbers = fc.tuple(filler, number, filler, fc.option(number, { nil: undefined }), filler).map(([a, n1, b, n2, c]) => ({ text: `${a}${n1}${b}${n2 ?? ''}${c}`, numbers: n2 ? [n1, n2] : [n1] }))
  const named = { ...engine.ruleSet }
  named.report = { ...named.report!, settings: { ...named.report!.settings, nameBusinessesPublicly: { value: true, setBy: 'bureau' } } }
  const namingEngine = createEngine({ rules: named })

  it('holds for generated texts, respondent names and category names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(withNumbers, withNumbers, withNumbers), { minLength: 1, maxLength: 8 }), async (rows) => {
        const records = rows.map(([text, name, category], i) =>
          record(`R${i}`, { text: `超市卖过期牛奶${text.text}`, respondent: { name: name.text }, category: { id: `c${i}`, name: category.text } }),
        )
        const numbers = rows.flatMap((row) => row.flatMap((r) => r.numbers))
        const summary: ReportSummary = await namingEngine.summarizeRecords(records, { ...period, audience: 'public' })
        const outputs = [JSON.stringify(summary), renderReportMarkdown(summary), renderReportHtml(summary)]
        for (const output of outputs) for (const n of numbers) expect(output).not.toContain(n)
      }),
      { numRuns: 150 },
    )
  })
})
