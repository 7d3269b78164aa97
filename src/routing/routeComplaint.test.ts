import { beforeAll, describe, expect, test } from 'vitest'
import { createEngine, type Engine } from '../engine/createEngine.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { parseRuleSetOrThrow } from '../capabilities.js'
import { baseFiles } from '../../test/fixtures.js'

let engine: Engine
beforeAll(async () => {
  engine = createEngine({ rules: parseRuleSetOrThrow(await baseFiles()) })
})

const ok = { id: 'C-1', kind: 'complaint', receivedOn: '2026-03-02', text: '菜市场的摊位缺斤少两' } as const

async function errorOf(input: unknown): Promise<XiaobaoError> {
  try {
    await engine.routeComplaint(input as never)
  } catch (error) {
    expect(error).toBeInstanceOf(XiaobaoError)
    return error as XiaobaoError
  }
  throw new Error('expected an error')
}

describe('routeComplaint', () => {
  test('routes, cites and explains with the keywords that fired', async () => {
    const r = await engine.routeComplaint(ok)
    expect(r).toMatchObject({ id: 'C-1', disposition: 'route', lead: { id: 'metrology', name: '计量股' }, assist: [] })
    expect(r.basis.map((b) => [b.doc, b.seq, b.item])).toContainEqual(['implementation-measures', 18, 1])
    expect(r.basis.find((b) => b.seq === 18)?.text).toContain('计量器具')
    const lead = r.trace.find((h) => h.effect === 'lead')
    expect(lead).toMatchObject({ rule: 'metrology.short-weight', keywords: [{ vocabulary: '计量', keywords: ['缺斤少两'] }] })
    expect(lead?.at.file).toBe('sections/metrology.yaml')
  })

  test('is deterministic: the same input gives the same output', async () => {
    expect(await engine.routeComplaint(ok)).toEqual(await engine.routeComplaint(ok))
  })

  test('falls back to the general duty with a warning', async () => {
    const r = await engine.routeComplaint({ ...ok, text: '商家态度很差' })
    expect(r.lead?.id).toBe('consumer-protection')
    expect(r.warnings.map((w) => w.code)).toContain('no_specific_section')
  })

  test('uses only the rules in force on receivedOn', async () => {
    // metrology.scale-at-restaurant (电子秤) is in force 2026-01-01..2026-06-30; metrology.short-weight also matches 电子秤.
    const inForce = await engine.routeComplaint({ ...ok, text: '电子秤不准' })
    expect(inForce.trace.map((h) => h.rule)).toContain('metrology.scale-at-restaurant')
    const later = await engine.routeComplaint({ ...ok, text: '电子秤不准', receivedOn: '2026-07-01' })
    expect(later.trace.map((h) => h.rule)).not.toContain('metrology.scale-at-restaurant')
  })

  test('transfer names the county and the reason', async () => {
    const r = await engine.routeComplaint({ ...ok, respondent: { county: '邻县' } })
    expect(r).toMatchObject({ disposition: 'transfer', lead: null, assist: [], transfer: { to: '邻县' } })
    expect(r.transfer?.reason).toContain('邻县')
  })

  test('missing county is assumed to be the bureau’s own, with a warning', async () => {
    const r = await engine.routeComplaint(ok)
    expect(r.warnings.map((w) => w.code)).toContain('county_assumed')
  })

  test('a consumer-only rejection does not apply to a report', async () => {
    const complaint = await engine.routeComplaint({ ...ok, forLivingConsumption: false })
    expect(complaint.disposition).toBe('reject')
    const report = await engine.routeComplaint({ ...ok, kind: 'report', forLivingConsumption: false })
    expect(report.disposition).toBe('route')
  })

  test('explain gives every condition and the rules that did not fire', async () => {
    const r = await engine.routeComplaint(ok, { explain: true })
    expect(r.trace[0]?.conditions).toBeDefined()
    expect(r.notFired?.map((n) => n.rule)).toContain('consumer-protection.prepaid')
  })
})

describe('bad input is a typed error with a Chinese message, never a TypeError or half result', () => {
  const cases: [string, unknown, string][] = [
    ['missing text', { kind: 'complaint', receivedOn: '2026-03-02' }, 'invalid_input'],
    ['empty text', { ...ok, text: '   ' }, 'invalid_input'],
    ['bad date', { ...ok, receivedOn: '2026-02-30' }, 'invalid_input'],
    ['date in another format', { ...ok, receivedOn: '2026/03/02' }, 'invalid_input'],
    ['unknown kind', { ...ok, kind: 'praise' }, 'invalid_input'],
    ['unknown channel', { ...ok, channel: 'wechat' }, 'invalid_input'],
    ['text not a string', { ...ok, text: 42 }, 'invalid_input'],
    ['respondent not an object', { ...ok, respondent: 'x' }, 'invalid_input'],
    ['online not boolean', { ...ok, respondent: { online: 'yes' } }, 'invalid_input'],
    ['misspelt field', { ...ok, recievedOn: '2026-03-02' }, 'invalid_input'],
    ['harm known after receipt', { ...ok, harmKnownOn: '2026-04-01' }, 'invalid_input'],
    ['1 MB text', { ...ok, text: '投'.repeat(1024 * 1024) }, 'input_too_large'],
    ['null', null, 'invalid_input'],
    ['an array', [ok], 'invalid_input'],
    ['a string', 'text', 'invalid_input'],
    ['undefined', undefined, 'invalid_input'],
  ]
  test.each(cases)('%s', async (_name, input, code) => {
    const error = await errorOf(input)
    expect(error.code).toBe(code)
    expect(error.issues[0].message).toMatch(/[\u4e00-\u9fff]/)
    expect(error.issues[0].messageEn).toMatch(/[a-z]/)
  })

  test('the message names the field', async () => {
    const error = await errorOf({ ...ok, receivedOn: '2026-13-01' })
    expect(error.issues[0].path).toEqual(['receivedOn'])
    expect(error.issues[0].message).toContain('receivedOn')
  })

  test('route options are validated too', async () => {
    await expect(engine.routeComplaint(ok, { explian: true } as never)).rejects.toMatchObject({ code: 'invalid_input' })
    expect(() => engine.routeComplaintSync(ok, { explain: 'yes' } as never)).toThrow(XiaobaoError)
  })

  test('createEngine refuses something that is not a rule set', () => {
    expect(() => createEngine({ rules: { nope: true } as never })).toThrow(XiaobaoError)
    expect(() => createEngine('rules' as never)).toThrow(XiaobaoError)
  })
})

describe('every decision owns its data', () => {
  test('changing one decision (its category, citations, sections) leaves the next one as it was', () => {
    const shipped = createEngine()
    const input = { kind: 'complaint', receivedOn: '2026-03-02', text: '在超市买的牛奶过期了，要求退一赔十', respondent: { name: '某某超市' } } as const
    const first = shipped.routeComplaintSync(input)
    const pristine = JSON.stringify(first)
    expect(first.category?.terms.length).toBeGreaterThan(0)
    first.category!.terms[0]!.term = 'changed'
    first.category!.parent!.name = 'changed'
    first.category!.sections?.push('office')
    first.basis[0]!.text = 'changed'
    first.trace[0]!.cites[0]!.text = 'changed'
    first.trace[0]!.section!.name = 'changed'
    first.lead!.name = 'changed'
    expect(JSON.stringify(shipped.routeComplaintSync(input))).toBe(pristine)
  })
})

describe('keyword evidence in the trace (stop 34)', () => {
  const bundled = createEngine()
  const input = { id: 'K-1', kind: 'complaint', channel: '12315-platform', receivedOn: '2025-05-01', text: '在超市买的酸奶过期了，超市不给退', respondent: { name: '某某超市', county: 'XX县' } } as const

  test('each rule names the same words at the same places once, on both evaluators', async () => {
    for (const evaluator of ['compiled', 'reference'] as const) {
      const engine = createEngine({ evaluator })
      const decision = await engine.routeComplaint(input)
      for (const hit of decision.trace) {
        const seen = hit.keywords.map((k) => JSON.stringify(k))
        expect(new Set(seen).size, `${evaluator} ${hit.rule}`).toBe(seen.length)
      }
    }
  })

  test('words found in the respondent’s name say so (their offsets are in the name), and the reason says it in words', () => {
    const decision = bundled.routeComplaintSync(input)
    const all = decision.trace.flatMap((hit) => hit.keywords)
    const inName = all.filter((k) => k.fact === 'respondentName')
    expect(inName.length).toBeGreaterThan(0)
    for (const k of inName) for (let i = 0; i < k.keywords.length; i++) expect('某某超市'.indexOf(k.keywords[i]!)).toBe(k.at![i])
    for (const k of all.filter((x) => x.fact === undefined)) for (let i = 0; i < k.keywords.length; i++) expect(input.text.indexOf(k.keywords[i]!)).toBe(k.at![i])
    expect(decision.confidenceReasons?.map((r) => r.message).join('')).toContain('被投诉人名称，位置')
  })
})
