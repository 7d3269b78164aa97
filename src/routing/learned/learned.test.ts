import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { parseRuleSet } from '../../capabilities.js'
import { bundledRuleFiles } from '../../engine/defaultRuleSet.js'
import { createEngine } from '../../engine/createEngine.js'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { trainRoutingModel } from './trainRoutingModel.js'
import { renderRoutingModel } from './renderModel.js'
import { learnedLead } from './suggest.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import type { RoutingModel } from './types.js'

const MODEL_PATH = 'learned/routing-model.yaml'
const base = bundledRuleFiles().filter((f) => f.path !== MODEL_PATH)
const loaded = (files: { path: string; text: string }[]) => {
  const r = parseRuleSet(files)
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.file}:${i.line} ${i.message}`).join('\n'))
  return r.value as unknown as RoutingRuleSet
}

/** A small rule set: the bundled rules with a few scenarios of our own (fast to train). */
const SCENARIOS = `kind: scenarios
scenarios:
  - { name: a1, input: { kind: complaint, receivedOn: "2026-03-02", text: 吃了上吐下泻 }, expect: { lead: catering-food } }
  - { name: a2, input: { kind: complaint, receivedOn: "2026-03-02", text: 饭后上吐下泻肚子疼 }, expect: { lead: catering-food } }
  - { name: b1, input: { kind: complaint, receivedOn: "2026-03-02", text: 秤不准少了二两 }, expect: { lead: metrology } }
  - { name: b2, input: { kind: complaint, receivedOn: "2026-03-02", text: 称出来少二两 }, expect: { lead: metrology } }
  - { name: c1, input: { kind: complaint, receivedOn: "2026-03-02", text: 银行信用卡年费 }, expect: { disposition: reject } }
  - { name: f1, frozen: true, input: { kind: complaint, receivedOn: "2026-03-02", text: FROZEN-TEXT-秤 }, expect: { lead: office } }
`
const small = () => {
  const rs = loaded([...base.filter((f) => !f.path.includes('tests/') && !f.path.endsWith('.test.yaml')), { path: 'tests/mine.test.yaml', text: SCENARIOS }])
  return rs
}
const OPTIONS = { maxFeatures: 0, epochs: 5, threshold: 0.3 }

describe('training', () => {
  test('is deterministic: the same rule set gives a byte-identical model file', () => {
    const a = renderRoutingModel(trainRoutingModel(small(), OPTIONS).model)
    const b = renderRoutingModel(trainRoutingModel(small(), OPTIONS).model)
    expect(a === b).toBe(true)
  })
  test('drops frozen scenarios first: a frozen text cannot change the model', () => {
    const rs = small()
    const changed = { ...rs, scenarios: rs.scenarios.map((s) => (s.frozen ? { ...s, input: { ...s.input, text: '完全不同的冻结文字' }, expect: { lead: 'drugs' as const } } : s)) }
    const a = trainRoutingModel(rs, OPTIONS).model
    const b = trainRoutingModel(changed, OPTIONS).model
    expect(renderRoutingModel(a)).toBe(renderRoutingModel(b))
    expect(a.trainedOn).toMatchObject({ scenarios: 5, frozenExcluded: 1 })
    expect(a.features).not.toContain('FROZEN')
    expect(a.classes).not.toContain('office')
  })
  test('classes are the labels: lead sections, and reject / transfer as classes', () => {
    const { model } = trainRoutingModel(small(), OPTIONS)
    expect(model.classes).toEqual(['catering-food', 'metrology', 'reject'])
  })
  test('the threshold comes from cross-validation on the training rows when not given', () => {
    const { model, thresholdChoice } = trainRoutingModel(small(), { maxFeatures: 0, epochs: 5, folds: 2 })
    expect(thresholdChoice!.bands.length).toBeGreaterThan(0)
    expect(model.threshold).toBe(thresholdChoice!.threshold)
  })
})

describe('kind: routing-model is data, checked with its position', () => {
  const modelText = bundledRuleFiles().find((f) => f.path === MODEL_PATH)!.text
  const withModel = (text: string) => parseRuleSet([...base, { path: MODEL_PATH, text }])
  test('the bundled model loads', () => {
    expect(withModel(modelText).ok).toBe(true)
  })
  test('weights that do not match the features are an error at weights', () => {
    const r = withModel(modelText.replace(/^weights: (\S+?),/m, 'weights: $1'))
    expect(r.ok).toBe(false)
    const issue = !r.ok ? r.issues.find((i) => i.file === MODEL_PATH) : undefined
    expect(issue).toMatchObject({ code: 'invalid_value', file: MODEL_PATH })
    expect(issue!.line).toBe(modelText.split('\n').findIndex((l) => l.startsWith('weights:')) + 1)
    expect(issue!.message).toContain('xiaobao train')
    expect(issue!.messageEn).toContain('xiaobao train')
  })
  test('an unknown class is an error with its position', () => {
    const r = withModel(modelText.replace('  - drugs\n', '  - pharmacy\n'))
    expect(!r.ok && r.issues.some((i) => i.file === MODEL_PATH && i.line !== undefined && i.col !== undefined)).toBe(true)
  })
  test('a corrupt model is a rule-file issue or a XiaobaoError, never another throw', () => {
    fc.assert(
      fc.property(fc.nat(modelText.length - 1), fc.string({ maxLength: 8 }), fc.nat(8), (at, insert, cut) => {
        const text = modelText.slice(0, at) + insert + modelText.slice(at + cut)
        try {
          const r = withModel(text)
          if (!r.ok) expect(r.issues.every((i) => typeof i.message === 'string' && typeof i.messageEn === 'string')).toBe(true)
          else createEngine({ rules: r.value }).routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '上个月在一家铺子，吃了以后上吐下泻' })
        } catch (e) {
          expect(e).toBeInstanceOf(XiaobaoError)
        }
      }),
      { numRuns: 40, seed: 20261205 },
    )
  })
  test('a stale model is a lint warning at the model file, saying to run xiaobao train', () => {
    const files = [...base.filter((f) => !f.path.includes('tests/') && !f.path.endsWith('.test.yaml')), { path: 'tests/mine.test.yaml', text: SCENARIOS }]
    const model = renderRoutingModel(trainRoutingModel(small(), OPTIONS).model)
    const fresh = parseRuleSet([...files, { path: MODEL_PATH, text: model }])
    expect(fresh.ok && fresh.warnings.some((i) => i.code === 'stale_routing_model')).toBe(false)
    // A frozen scenario changed: not stale (frozen ones are never trained on).
    const frozenEdit = parseRuleSet([...files.map((f) => (f.path === 'tests/mine.test.yaml' ? { ...f, text: f.text.replace('FROZEN-TEXT', 'OTHER') } : f)), { path: MODEL_PATH, text: model }])
    expect(frozenEdit.ok && frozenEdit.warnings.some((i) => i.code === 'stale_routing_model')).toBe(false)
    const stale = parseRuleSet([...files, { path: MODEL_PATH, text: model }, { path: 'tests/more.test.yaml', text: SCENARIOS.replace(/name: (\w+)/g, 'name: more-$1') }])
    const w = stale.ok ? stale.warnings.find((i) => i.code === 'stale_routing_model') : undefined
    expect(w).toMatchObject({ severity: 'warning', file: MODEL_PATH, line: model.split('\n').findIndex((l) => l.startsWith('kind:')) + 1 })
    expect(w!.message).toContain('xiaobao train')
    expect(w!.messageEn).toContain('xiaobao train')
  })
  test('no model file: routing is exactly as today (the fallback stands)', () => {
    const without = createEngine({ rules: loaded(base) })
    const d = without.routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '上个月在一家铺子，吃了以后上吐下泻' })
    expect(d.lead?.id).toBe('consumer-protection')
    expect(d.warnings.map((w) => w.code)).toContain('no_specific_section')
    expect(d.warnings.map((w) => w.code)).not.toContain('learned_lead')
  })
  test('enabled: false turns it off', () => {
    const r = withModel(modelText.replace(/^enabled: true$/m, 'enabled: false'))
    expect(r.ok).toBe(true)
    const d = createEngine({ rules: r.ok ? r.value : undefined }).routeComplaintSync({ kind: 'complaint', receivedOn: '2026-03-02', text: '上个月在一家铺子，吃了以后上吐下泻' })
    expect(d.lead?.id).toBe('consumer-protection')
  })
})

describe('at routing time', () => {
  const engine = createEngine()
  const input = { id: 'L-1', kind: 'complaint', receivedOn: '2026-03-02', text: '上个月在一家铺子，吃了以后上吐下泻', respondent: { county: 'XX县' } } as const
  test('leads where the rules fell back: low confidence, learned_lead, the fallback assists, a trace hit that explains', () => {
    const d = engine.routeComplaintSync(input)
    expect(d.lead?.id).toBe('catering-food')
    expect(d.assist.map((s) => s.id)).toEqual(['consumer-protection'])
    expect(d.confidence).toBe('low')
    expect(d.confidenceReasons!.map((r) => r.code)).toEqual(['learned_guess'])
    const w = d.warnings.find((x) => x.code === 'learned_lead')!
    expect(w.message).toMatch(/^没有规则命中具体股室；按本局已办案例的文字，建议由餐饮食品安全监督管理股主办（相似度 p=0\.\d\d），请人工复核。/)
    expect(d.warnings.map((x) => x.code)).toContain('needs_review')
    expect(d.warnings.map((x) => x.code)).not.toContain('no_specific_section')
    const hit = d.trace.find((h) => h.effect === 'lead')!
    expect(hit).toMatchObject({ rule: 'routing-model', stage: 'routing', section: { id: 'catering-food' }, at: { file: MODEL_PATH } })
    expect(hit.cites.map((c) => [c.seq, c.item])).toEqual([[16, 1]])
    const ev = hit.keywords[0]!
    expect(ev.keywords.length).toBeGreaterThan(0)
    ev.keywords.forEach((k, i) => expect(input.text.indexOf(k)).toBe(ev.at![i]))
  })
  test('routeComplaintSync, routeComplaint, routeMany, the reference path and the lean path agree', async () => {
    const sync = engine.routeComplaintSync(input)
    expect(await engine.routeComplaint(input)).toEqual(sync)
    const reference = createEngine({ evaluator: 'reference' })
    expect(await reference.routeComplaint(input)).toEqual(sync)
    const many: unknown[] = []
    for await (const r of engine.routeMany([input, input])) many.push(r)
    expect(many).toEqual([sync, sync])
  })
  test('the model never rejects or transfers, and stays out when it is unsure or names the fallback', () => {
    const model: RoutingModel = {
      enabled: true, classes: ['catering-food', 'reject'], threshold: 0.9, scale: 0.5, bias: [0, 0], features: '吐|银', weights: '0_,1_',
      trainedOn: { scenarios: 2, frozenExcluded: 0, rowsHash: 'sha256:0000000000000000' }, hyper: { ngrams: 3, respondentGrams: true, epochs: 1, learningRate: 0.2, l2: 0, seed: 7, maxFeatures: 0, levels: 31 }, at: { file: MODEL_PATH, line: 1, col: 1 },
    }
    const yes = () => true
    expect(learnedLead(model, '吐', '', 'consumer-protection', yes)?.section).toBe('catering-food')
    expect(learnedLead(model, '银', '', 'consumer-protection', yes)).toBeUndefined() // top class reject
    expect(learnedLead(model, '吐', '', 'catering-food', yes)).toBeUndefined() // the fallback itself
    expect(learnedLead({ ...model, threshold: 1 }, '吐', '', 'consumer-protection', yes)).toBeUndefined() // unsure
    expect(learnedLead({ ...model, enabled: false }, '吐', '', 'consumer-protection', yes)).toBeUndefined()
  })
})
