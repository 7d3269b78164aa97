import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { parseRuleSet } from '../../capabilities.js'
import { bundledRuleFiles } from '../../engine/defaultRuleSet.js'
import { createEngine } from '../../engine/createEngine.js'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { DEFAULT_LEAD_THRESHOLD, DEFAULT_UNSURE_LEAD_THRESHOLD, trainRoutingModel } from './trainRoutingModel.js'
import { keepSettings } from './keepSettings.js'
import { renderRoutingModel } from './renderModel.js'
import { SimilarCasesCheck } from './similarCases.js'
import { gramsOf } from './features.js'
import type { RoutingDecision } from '../types.js'
import type { SectionRef } from '../../sections.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import type { RoutingModel } from './types.js'
import { withLearnedReject } from './learnedRejectBlock.testing.js'

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
  - { name: t1, input: { kind: complaint, receivedOn: "2026-03-02", text: 邻县的饭店吃了上吐下泻, respondent: { county: YY县 } }, expect: { disposition: transfer } }
  - { name: f1, frozen: true, input: { kind: complaint, receivedOn: "2026-03-02", text: FROZEN-TEXT-秤 }, expect: { lead: office } }
`
const small = () => {
  const rs = loaded([...base.filter((f) => !f.path.includes('tests/') && !f.path.endsWith('.test.yaml')), { path: 'tests/mine.test.yaml', text: SCENARIOS }])
  return rs
}
const OPTIONS = { maxFeatures: 0, epochs: 5, threshold: 0.3 }

describe('training', () => {
  test('hyper.skipChars: grams with those characters are not learned (the anonymisation placeholder); the file records it', () => {
    expect(gramsOf('某某超市', '某某店', '某')).toEqual(['超', '市', '超市', '@店'])
    expect(gramsOf('某某超市', '', '')).toContain('某超')
    const rs = loaded([...base.filter((f) => !f.path.includes('tests/') && !f.path.endsWith('.test.yaml')), { path: 'tests/mine.test.yaml', text: SCENARIOS.replaceAll('text: ', 'text: 某某店里') }])
    const plain = trainRoutingModel(rs, OPTIONS).model
    expect(plain.features.split('|').some((g) => g.includes('某'))).toBe(true)
    expect(plain.hyper.skipChars).toBeUndefined()
    const skipped = trainRoutingModel(rs, { ...OPTIONS, skipChars: '某' }).model
    expect(skipped.features.split('|').some((g) => g.includes('某'))).toBe(false)
    expect(skipped.hyper.skipChars).toBe('某')
    expect(renderRoutingModel(skipped)).toMatch(/^ {2}skipChars: 某$/m)
  })
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
  test('classes are the labels: lead sections and reject; transfer-labelled scenarios are not trained on (the county decides them)', () => {
    const { model } = trainRoutingModel(small(), OPTIONS)
    expect(model.classes).toEqual(['catering-food', 'metrology', 'reject'])
    expect(model.trainedOn.scenarios).toBe(5)
    expect(model.features.split('|')).not.toContain('邻县')
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
  test('transfer is no class (a transfer follows from the county): an error with its position', () => {
    const r = withModel(modelText.replace('  - drugs\n', '  - transfer\n'))
    const line = modelText.split('\n').indexOf('  - drugs') + 1
    expect(!r.ok && r.issues.some((i) => i.file === MODEL_PATH && i.line === line)).toBe(true)
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
  test('no model file, or enabled: false: decisions are exactly as without a model', () => {
    const input = { kind: 'complaint', receivedOn: '2026-03-02', text: SC1.text, respondent: { county: 'XX县' } } as const
    const without = createEngine({ rules: loaded(base) }).routeComplaintSync(input)
    const r = withModel(modelText.replace(/^enabled: true$/m, 'enabled: false'))
    expect(r.ok).toBe(true)
    const off = createEngine({ rules: r.ok ? r.value : undefined }).routeComplaintSync(input)
    expect({ ...off, ruleSet: undefined }).toEqual({ ...without, ruleSet: undefined })
    expect(without.warnings.map((w) => w.code)).not.toContain('similar_cases_differ')
  })
})

/** The curated scenario rules/tests/similar-cases.test.yaml (frozen: never trained on). */
const SC1 = { text: '我的手机话费每个月都被多扣，套餐里没有的业务也收钱' }

describe('the review warning with a small hand-made model', () => {
  const model: RoutingModel = {
    enabled: true, classes: ['catering-food', 'reject'], threshold: 0.9, scale: 0.5, bias: [0, 0], features: '@银|上吐|吐|银', weights: '1_,0_,0_,1_',
    trainedOn: { scenarios: 2, frozenExcluded: 0, rowsHash: 'sha256:0000000000000000' }, hyper: { ngrams: 3, respondentGrams: true, epochs: 1, learningRate: 0.2, l2: 0, seed: 7, maxFeatures: 0, levels: 31 }, at: { file: MODEL_PATH, line: 1, col: 1 },
  }
  const sections: Record<string, SectionRef> = { 'catering-food': { id: 'catering-food', name: '餐饮股' }, 'consumer-protection': { id: 'consumer-protection', name: '消保股' } }
  const check = (m: RoutingModel = model) => new SimilarCasesCheck(m, (id) => sections[id])
  const cp = sections['consumer-protection']!
  const food = sections['catering-food']!
  test('fires where the model is sure and differs: another section, or reject against a lead, or a section against a rejection', () => {
    const w = check().check('route', cp, '上吐下泻', '', false)!
    expect(w.code).toBe('similar_cases_differ')
    expect(w.message).toBe('本局已办的相似来件多由餐饮股主办（p=1.00；相似的字词：「上吐」（位置 0））；本决定由消保股主办，请人工复核。')
    expect(w.similar).toEqual({ answer: 'catering-food', section: food, p: 1, threshold: 0.9, keywords: [{ vocabulary: 'learned', keywords: ['上吐'], at: [0] }], at: model.at })
    expect(check().check('route', cp, '银行', '', false)!.message).toMatch(/^本局已办的相似来件多为不予受理（p=1\.00；相似的字词：「银」（位置 0））；本决定由消保股主办，请人工复核是否属本局职责。$/)
    expect(check().check('reject', null, '吐', '', false)!.message).toMatch(/^本决定不予受理，而本局已办的相似来件多由餐饮股主办/)
    expect(check().check('route', cp, '', '某银行', false)!.similar!.keywords).toEqual([{ vocabulary: 'learned:respondent', keywords: ['银'], at: [1] }])
  })
  test('stays silent where the model agrees, is unsure, is off, or the decision is a transfer', () => {
    expect(check().check('route', food, '吐', '', false)).toBeUndefined()
    expect(check().check('reject', null, '银', '', false)).toBeUndefined()
    expect(check({ ...model, threshold: 1 }).check('route', cp, '吐', '', false)).toBeUndefined() // p just below 1
    expect(check({ ...model, enabled: false }).check('route', cp, '吐', '', false)).toBeUndefined()
    expect(check().check('transfer', null, '吐', '', false)).toBeUndefined()
  })
  test('a class that is no section of the rule set is never warned of', () => {
    const other = { ...model, classes: ['office', 'reject'] } as RoutingModel
    expect(check(other).check('route', cp, '吐', '', false)).toBeUndefined()
  })
  test('a lean decision gets the code alone', () => {
    expect(check().check('route', cp, '吐', '', true)).toEqual({ code: 'similar_cases_differ', message: '', messageEn: '' })
  })
  test("from leadThreshold, against a routed lead, the model's section leads (learned_lead); the rules' lead is named", () => {
    const m = { ...model, leadThreshold: 0.95 }
    const v = check(m).review('route', cp, '上吐下泻', '', false, false)!
    expect(v.lead).toEqual(food)
    expect(v.warning!.code).toBe('learned_lead')
    expect(v.warning!.similar).toMatchObject({ answer: 'catering-food', section: food, p: 1, threshold: 0.9, leadThreshold: 0.95, rulesLead: cp })
    expect(v.warning!.message).toBe('本局已办的相似来件多由餐饮股主办（p=1.00，不低于改由模型定主办的 0.95；相似的字词：「上吐」（位置 0）），本件改由餐饮股主办；按规则原应由消保股主办，现为协办。请人工复核。')
    expect(v.warning!.messageEn).toMatch(/^similar cases this bureau has labelled were mostly led by catering-food \(p=1\.00, at least the lead threshold 0\.95; words: "上吐" \(offset 0\)\), so it leads here; by the rules consumer-protection would have led; it now assists\. A person should review it\.$/)
    // Where no rule chose the lead (the fallback), it says so and names no rules' lead.
    const fell = check(m).review('route', cp, '上吐下泻', '', false, true)!
    expect(fell.warning!.similar!.rulesLead).toBeNull()
    expect(fell.warning!.message).toContain('没有命中具体股室的规则，原按一般职责由消保股兜底主办')
    // A lean decision: the code alone, and the lead.
    expect(check(m).review('route', cp, '上吐下泻', '', true, false)).toEqual({ warning: { code: 'learned_lead', message: '', messageEn: '' }, lead: food })
    // check() is the warning alone.
    expect(check(m).check('route', cp, '上吐下泻', '', false)!.code).toBe('learned_lead')
    // The lead threshold is its own: below the warning threshold, the model still leads from it (p just below 1
    // is under a warning threshold of 1, over a lead threshold of 0.95), and says which threshold it reached.
    const below = check({ ...model, threshold: 1, leadThreshold: 0.95 }).review('route', cp, '吐', '', false, false)!
    expect(below.lead).toEqual(food)
    expect(below.warning).toMatchObject({ code: 'learned_lead', similar: { threshold: 1, leadThreshold: 0.95 } })
    expect(below.warning!.message).toContain('不低于改由模型定主办的 0.95')
    expect(check({ ...model, threshold: 1, leadThreshold: 0.95 }).review('route', cp, '吐', '', true, false)).toEqual({ warning: { code: 'learned_lead', message: '', messageEn: '' }, lead: food })
  })
  test('a lead rule that is a written reading (learnedMayOverride: false): the model neither leads nor rejects; it warns, names the rule, and says it would have', () => {
    const m = { ...model, leadThreshold: 0.95 }
    const settled = { leadAllowed: () => true, rejectAllowed: () => true, settledBy: () => 'consumer-protection.written' }
    const v = check(m).review('route', cp, '上吐下泻', '', false, false, settled)!
    expect(v.lead).toBeUndefined()
    expect(v.reject).toBeUndefined()
    expect(v.warning).toMatchObject({ code: 'similar_cases_differ', similar: { answer: 'catering-food', section: food, settledBy: 'consumer-protection.written' } })
    expect(v.warning!.similar!.leadThreshold).toBeUndefined()
    expect(v.warning!.message).toBe('本局已办的相似来件多由餐饮股主办（p=1.00；相似的字词：「上吐」（位置 0））；本决定由消保股主办，请人工复核。（模型本会改由餐饮股主办，但主办规则 consumer-protection.written 是写明的读法（learnedMayOverride: false），仍按规则。）')
    expect(v.warning!.messageEn).toContain('but the lead rule consumer-protection.written is a written reading (learnedMayOverride: false)')
    // The same model and words without the written reading: the model leads.
    expect(check(m).review('route', cp, '上吐下泻', '', false, false, { ...settled, settledBy: () => undefined })!.lead).toEqual(food)
    // Below the warning threshold but at the lead threshold, the held-back lead is still shown as a warning.
    const below = check({ ...m, threshold: 1 }).review('route', cp, '吐', '', false, false, settled)!
    expect(below.lead).toBeUndefined()
    expect(below.warning).toMatchObject({ code: 'similar_cases_differ', similar: { settledBy: 'consumer-protection.written' } })
    // Where the model would not have led anyway (below both thresholds), only the leaning, and no rule is named.
    const lean = check({ ...m, threshold: 1, leadThreshold: 1 }).review('route', cp, '吐', '', false, false, settled)!
    expect(lean.warning).toBeUndefined()
    expect(lean.leaning).toMatchObject({ answer: 'catering-food' })
    // Nor does it reject: a learned rejection from 0.5 is held back the same way.
    const rejecting: RoutingModel = { ...model, learnedReject: { threshold: 0.5, rules: { complaint: 'reject.x' }, authority: '有关部门' } }
    const r = check(rejecting).review('route', cp, '银行', '', false, false, settled)!
    expect(r.reject).toBeUndefined()
    expect(r.warning).toMatchObject({ code: 'similar_cases_differ', similar: { answer: 'reject', settledBy: 'consumer-protection.written' } })
    expect(r.warning!.message).toContain('模型本会改为不予受理')
    expect(check(rejecting).review('route', cp, '银行', '', false, false, { ...settled, settledBy: () => undefined })!.reject).toBe(true)
  })
  test('below the threshold, a model that leans to another answer says so without a warning (the decision is then never high)', () => {
    const v = check({ ...model, threshold: 1, leadThreshold: 1 }).review('route', cp, '吐', '', false, false)!
    expect(v.warning).toBeUndefined()
    expect(v.lead).toBeUndefined()
    expect(v.leaning).toMatchObject({ answer: 'catering-food', section: food })
    expect(v.leaning!.p).toBeGreaterThan(0.9)
    expect(v.leaning!.p).toBeLessThanOrEqual(1)
    expect(check({ ...model, threshold: 1 }).review('route', cp, '吐', '', true, false)).toEqual({ leaning: { answer: 'catering-food', section: food, p: 0 } })
    // Agrees: no warning, no leaning, only how sure the agreement is (assessConfidence's similarCasesAgreeAtLeast).
    const agreeing = check({ ...model, threshold: 1 }).review('route', food, '吐', '', false, false)!
    expect(Object.keys(agreeing)).toEqual(['agrees'])
    expect(agreeing.agrees).toBeGreaterThan(0.9)
    expect(agreeing.agrees).toBeLessThanOrEqual(1)
    expect(check({ ...model, threshold: 1 }).review('reject', null, '银', '', false, false)!.agrees).toBeGreaterThan(0.5)
    expect(check({ ...model, enabled: false }).review('route', food, '吐', '', false, false)).toBeUndefined()
    expect(check({ ...model, threshold: 1 }).check('route', cp, '吐', '', false)).toBeUndefined()
  })
  test('the model never leads against a rejection, never to a rejection, below leadThreshold, or without one', () => {
    const m = { ...model, leadThreshold: 0.95 }
    expect(check(m).review('reject', null, '吐', '', false, false)).toMatchObject({ warning: { code: 'similar_cases_differ' } })
    expect(check(m).review('reject', null, '吐', '', false, false)!.lead).toBeUndefined()
    expect(check(m).review('route', cp, '银行', '', false, false)!.lead).toBeUndefined()
    expect(check({ ...model, leadThreshold: 1 }).review('route', cp, '吐', '', false, false)).toMatchObject({ warning: { code: 'similar_cases_differ' } }) // p just below 1
    expect(check({ ...model, leadThreshold: 1 }).review('route', cp, '吐', '', false, false)!.lead).toBeUndefined()
    expect(check({ ...model, leadThreshold: false }).review('route', cp, '上吐下泻', '', false, false)!.lead).toBeUndefined()
    expect(check().review('route', cp, '上吐下泻', '', false, false)!.lead).toBeUndefined()
    expect(check(m).review('transfer', null, '上吐下泻', '', false, false)).toBeUndefined()
  })
  test("where the rules are unsure (the caller says so), the model's section leads from unsureLeadThreshold", () => {
    // '吐' alone: p just below 1, so below leadThreshold 1 and the warning threshold 1.
    const m = { ...model, threshold: 1, leadThreshold: 1, unsureLeadThreshold: 0.5 }
    const asked: string[] = []
    const allowed = { leadAllowed: (to: string) => (asked.push(to), true), rejectAllowed: () => false }
    const v = check(m).review('route', cp, '吐', '', false, false, allowed)!
    expect(asked).toEqual(['catering-food'])
    expect(v.lead).toEqual(food)
    expect(v.warning!.code).toBe('learned_lead')
    expect(v.warning!.similar).toMatchObject({ answer: 'catering-food', section: food, leadThreshold: 0.5, rulesLead: cp, rulesUnsure: true })
    expect(v.warning!.message).toMatch(/^本局已办的相似来件多由餐饮股主办（p=\d\.\d\d，规则自己把握不大，不低于此时改由模型定主办的 0\.5；相似的字词：「吐」（位置 0）），本件改由餐饮股主办；按规则原应由消保股主办，现为协办。请人工复核。$/)
    expect(v.warning!.messageEn).toContain("the rules' own decision being low-confidence, at least the unsure lead threshold 0.5")
    expect(check(m).review('route', cp, '吐', '', true, false, allowed)).toEqual({ warning: { code: 'learned_lead', message: '', messageEn: '' }, lead: food })
    // Not allowed (the rules are sure, or it is the fallback or an assisting section): only the leaning.
    expect(check(m).review('route', cp, '吐', '', false, false, { leadAllowed: () => false, rejectAllowed: () => false })).toMatchObject({ leaning: { answer: 'catering-food' } })
    expect(check(m).review('route', cp, '吐', '', false, false)!.lead).toBeUndefined()
    // Never against a rejection, never to a rejection, never where the model may not lead at all.
    expect(check(m).review('reject', null, '吐', '', false, false, allowed)!.lead).toBeUndefined()
    expect(check({ ...m, threshold: 0.9 }).review('route', cp, '银', '', false, false, allowed)!.lead).toBeUndefined()
    expect(check({ ...m, leadThreshold: false }).review('route', cp, '吐', '', false, false, allowed)!.lead).toBeUndefined()
    // Not asked where the sure tier already leads, or where p is below the unsure threshold.
    asked.length = 0
    expect(check({ ...m, leadThreshold: 0.9, threshold: 0.9 }).review('route', cp, '吐', '', false, false, allowed)!.warning!.similar!.rulesUnsure).toBeUndefined()
    expect(check({ ...m, unsureLeadThreshold: 1 }).review('route', cp, '吐', '', false, false, allowed)!.lead).toBeUndefined()
    expect(asked).toEqual([])
  })
})

describe('what xiaobao train keeps of the file it replaces', () => {
  const trained = () => trainRoutingModel(small(), OPTIONS).model
  const prior = (over: Partial<RoutingModel>): RoutingModel => ({ ...(trained() as unknown as RoutingModel), at: { file: MODEL_PATH, line: 1, col: 1 }, ...over })
  test('a threshold raised by hand is kept; one the last cross-validation chose follows the data', () => {
    const m = trained()
    expect(keepSettings(m, prior({ threshold: 0.97, thresholdBy: '5-fold cross-validation on the training rows chose 0.75: …' }))).toEqual({ raised: 0.97 })
    expect(m.threshold).toBe(0.97)
    expect(m.thresholdBy).toBe('kept from the file, above the cross-validated 0.3')
    const again = trained()
    expect(keepSettings(again, prior({ threshold: 0.97, thresholdBy: '5-fold cross-validation on the training rows chose 0.97: …' }))).toEqual({})
    expect(again.threshold).toBe(0.3)
  })
  test('leadThreshold is kept as the file has it (false included); a file without one gets the default; it may be below the threshold', () => {
    const off = trained()
    keepSettings(off, prior({ leadThreshold: false }))
    expect(off.leadThreshold).toBe(false)
    const kept = trained()
    keepSettings(kept, prior({ leadThreshold: 0.93, leadThresholdBy: 'set by 法规股' }))
    expect(kept).toMatchObject({ leadThreshold: 0.93, leadThresholdBy: 'set by 法规股' })
    const none = trained()
    keepSettings(none, prior({ leadThreshold: undefined }))
    expect(none.leadThreshold).toBe(DEFAULT_LEAD_THRESHOLD)
    const low = trained()
    keepSettings(low, prior({ threshold: 0.97, thresholdBy: 'by hand', leadThreshold: 0.9, leadThresholdBy: 'held-out texts' }))
    expect(low).toMatchObject({ threshold: 0.97, leadThreshold: 0.9, leadThresholdBy: 'held-out texts' })
  })
  test('the warning threshold moving does not move the lead threshold; one raised with it by stops 27-28 goes back to its chosen value', () => {
    // Cross-validation chose a higher warning threshold: the lead threshold stays where it was chosen.
    const up = trained()
    up.threshold = 0.85
    keepSettings(up, prior({ leadThreshold: 0.8, leadThresholdBy: 'held-out texts' }))
    expect(up).toMatchObject({ threshold: 0.85, leadThreshold: 0.8, leadThresholdBy: 'held-out texts' })
    // A file written while the lead threshold followed the warning's (stops 27-28) gets its chosen value back,
    // whatever the warning threshold is now.
    for (const now of [0.8, 0.85, 0.9]) {
      const back = trained()
      back.threshold = now
      keepSettings(back, prior({ threshold: 0.85, thresholdBy: '5-fold cross-validation on the training rows chose 0.85: …', leadThreshold: 0.85, leadThresholdBy: 'raised with the warning threshold to 0.85 from 0.8: held-out texts' }))
      expect(back).toMatchObject({ threshold: now, leadThreshold: 0.8, leadThresholdBy: 'held-out texts' })
    }
    // A lead threshold set by hand (no such reason) is kept as it is.
    const hand = trained()
    hand.threshold = 0.8
    keepSettings(hand, prior({ leadThreshold: 0.85, leadThresholdBy: 'set by 法规股' }))
    expect(hand).toMatchObject({ leadThreshold: 0.85, leadThresholdBy: 'set by 法规股' })
  })
  test('unsureLeadThreshold is kept as the file has it (false included); a file without one gets the default; never above leadThreshold; false where the model never leads', () => {
    const off = trained()
    keepSettings(off, prior({ unsureLeadThreshold: false }))
    expect(off.unsureLeadThreshold).toBe(false)
    const kept = trained()
    keepSettings(kept, prior({ unsureLeadThreshold: 0.6, unsureLeadThresholdBy: 'set by 法规股' }))
    expect(kept).toMatchObject({ unsureLeadThreshold: 0.6, unsureLeadThresholdBy: 'set by 法规股' })
    const none = trained()
    keepSettings(none, prior({ unsureLeadThreshold: undefined }))
    expect(none.unsureLeadThreshold).toBe(DEFAULT_UNSURE_LEAD_THRESHOLD)
    const above = trained()
    keepSettings(above, prior({ leadThreshold: 0.85, unsureLeadThreshold: 0.95 }))
    expect(above).toMatchObject({ leadThreshold: 0.85, unsureLeadThreshold: 0.85 })
    const never = trained()
    keepSettings(never, prior({ leadThreshold: false, unsureLeadThreshold: undefined }))
    expect(never).toMatchObject({ leadThreshold: false, unsureLeadThreshold: false })
    expect(trainRoutingModel(small(), { ...OPTIONS, leadThreshold: false }).model.unsureLeadThreshold).toBe(false)
  })
  test('an unsureLeadThreshold above leadThreshold, or set where leadThreshold is false, is a rule-file error at unsureLeadThreshold', () => {
    for (const [lead, unsure, says] of [[0.8, 0.9, 'unsureLeadThreshold（0.9）不得高于 leadThreshold（0.8）'], [false, 0.6, 'leadThreshold 为 false 或不写时']] as const) {
      const text = renderRoutingModel({ ...trained(), threshold: 0.5, leadThreshold: lead, unsureLeadThreshold: unsure })
      const r = parseRuleSet([...base, { path: MODEL_PATH, text }])
      expect(r.ok).toBe(false)
      if (r.ok) continue
      const issue = r.issues.find((i) => i.file === MODEL_PATH)!
      expect(issue.message).toContain(says)
      expect(issue.messageEn).toContain('unsureLeadThreshold')
      expect(issue.line).toBe(text.split('\n').findIndex((l) => l.startsWith('unsureLeadThreshold:')) + 1)
    }
  })
  test('a file whose leadThreshold is below its threshold loads', () => {
    const text = renderRoutingModel({ ...trained(), threshold: 0.8, leadThreshold: 0.7 })
    const r = parseRuleSet([...base, { path: MODEL_PATH, text }])
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.value.routingModel).toMatchObject({ threshold: 0.8, leadThreshold: 0.7 })
  })
})

describe('at routing time (the bundled model)', () => {
  const engine = createEngine()
  const input = { id: 'SC-1', kind: 'complaint', receivedOn: '2026-03-02', text: SC1.text, respondent: { county: 'XX县' } } as const
  test('the warning never changes the answer: low confidence, its reason, needs_review, the grams with their offsets', () => {
    const d = engine.routeComplaintSync(input)
    expect(d).toMatchObject({ disposition: 'route', lead: { id: 'consumer-protection' }, assist: [], confidence: 'low' })
    expect(d.confidenceReasons!.map((r) => r.code)).toContain('similar_cases_differ')
    const w = d.warnings.find((x) => x.code === 'similar_cases_differ')!
    expect(w.message).toMatch(/^本局已办的相似来件多为不予受理（p=0\.\d\d；相似的字词：「.+」（位置 \d+）/)
    expect(w.similar!.answer).toBe('reject')
    expect(w.similar!.p).toBeGreaterThanOrEqual(w.similar!.threshold)
    const ev = w.similar!.keywords[0]!
    ev.keywords.forEach((k, i) => expect(input.text.indexOf(k)).toBe(ev.at![i]))
    expect(d.warnings.map((x) => x.code)).toContain('needs_review')
    expect(d.warnings.find((x) => x.code === 'needs_review')!.message).toContain('本局已办的相似来件多为不予受理')
    expect(d.trace.some((h) => h.rule === 'routing-model')).toBe(false)
  })
  test('routeComplaintSync, routeComplaint, routeMany, the reference path and explain agree', async () => {
    const sync = engine.routeComplaintSync(input)
    expect(await engine.routeComplaint(input)).toEqual(sync)
    const reference = createEngine({ evaluator: 'reference' })
    expect(await reference.routeComplaint(input)).toEqual(sync)
    const many: unknown[] = []
    for await (const r of engine.routeMany([input, input])) many.push(r)
    expect(many).toEqual([sync, sync])
    const explained = engine.routeComplaintSync(input, { explain: true })
    expect(explained.warnings).toEqual(sync.warnings)
    expect(explained.confidenceReasons).toEqual(sync.confidenceReasons)
  })
})

/** A decision without what the review warning may add: its warning, needs_review, the confidence and its reasons. */
function answerOf(d: RoutingDecision): unknown {
  const { confidence: _c, confidenceReasons: _r, warnings, ...rest } = d
  return { ...rest, warnings: warnings.filter((w) => w.code !== 'similar_cases_differ' && w.code !== 'needs_review') }
}

describe('differential: over every bundled scenario, a model changes warnings, confidence and its reasons — the lead only with learned_lead, acceptance only with learned_reject', () => {
  const modelText = bundledRuleFiles().find((f) => f.path === MODEL_PATH)!.text
  const withoutModel = loaded(base)
  // The scenarios' inputs, and the same cut to their first 24 characters: a shorter text gives the rules less
  // evidence (more low-confidence decisions), which is where the unsure tier acts.
  const whole = withoutModel.scenarios.filter((s) => s.frozen !== true && s.input.text !== undefined).map((s) => s.input)
  const inputs = [...whole, ...whole.map((input) => ({ ...input, text: String(input.text).slice(0, 24) }))]
  const plain = createEngine({ rules: withoutModel })
  const before = inputs.map((input) => {
    try {
      return plain.routeComplaintSync(input as never)
    } catch {
      return undefined
    }
  })
  const bundledLead = Number(/^leadThreshold: (.*)$/m.exec(modelText)![1])
  // The bundled model; the same weights warning wherever they disagree (threshold 0.05, the lead threshold as
  // shipped); leading wherever they disagree with a routed lead from p ≥ 0.5 (the least leadThreshold allowed); and
  // leading only where the rules are unsure (leadThreshold 1, unsureLeadThreshold 0.5).
  const variants = [
    ['bundled', modelText],
    ['threshold 0.05', modelText.replace(/^threshold: .*$/m, 'threshold: 0.05')],
    ['threshold 0.05, leadThreshold 0.5', modelText.replace(/^threshold: .*$/m, 'threshold: 0.05').replace(/^leadThreshold: .*$/m, 'leadThreshold: 0.5')],
    ['leadThreshold 1, unsureLeadThreshold 0.5', modelText.replace(/^leadThreshold: .*$/m, 'leadThreshold: 1').replace(/^unsureLeadThreshold: .*$/m, 'unsureLeadThreshold: 0.5')],
    ['learnedReject from 0.5', withLearnedReject(modelText).replace(/^ {2}threshold: .*$/m, '  threshold: 0.5')],
  ] as const
  for (const [name, text] of variants) {
    test(`${name} model`, () => {
      const r = parseRuleSet([...base, { path: MODEL_PATH, text }])
      if (!r.ok) throw new Error('model does not load')
      const engine = createEngine({ rules: r.value })
      let warned = 0
      let led = 0
      let unsure = 0
      let rejections = 0
      inputs.forEach((input, i) => {
        let d: RoutingDecision | undefined
        try {
          d = engine.routeComplaintSync(input as never)
        } catch {
          d = undefined
        }
        expect(d === undefined).toBe(before[i] === undefined)
        if (!d) return
        const was = before[i]!
        const lead = d.warnings.find((w) => w.code === 'learned_lead')
        if (lead) {
          led++
          // The model's section leads; the rules' lead assists (unless it was the fallback); nothing else moves.
          const s = lead.similar!
          expect(s.p).toBeGreaterThanOrEqual(s.leadThreshold!)
          expect(d.disposition).toBe('route')
          expect(was.disposition).toBe('route')
          expect(d.lead).toEqual(s.section)
          expect(d.lead!.id).not.toBe(was.lead!.id)
          const fellBack = was.warnings.some((w) => w.code === 'no_specific_section')
          expect(s.rulesLead).toEqual(fellBack ? null : was.lead)
          const expectedAssist = [...was.assist.map((a) => a.id).filter((a) => a !== d!.lead!.id), ...(fellBack ? [] : [was.lead!.id])]
          expect(d.assist.map((a) => a.id).sort()).toEqual([...new Set(expectedAssist)].sort())
          expect(d.warnings.map((w) => w.code)).not.toContain('no_specific_section')
          expect(d.trace.some((h) => h.effect === 'lead')).toBe(false)
          const seq = r.value.sections[d.lead!.id]!.seq
          expect(d.basis.some((c) => c.doc === 'implementation-measures' && c.seq === seq)).toBe(true)
          expect(d.confidence).toBe('low')
          expect(d.confidenceReasons!.map((c) => c.code)).toContain('learned_lead')
          expect(d.warnings.map((w) => w.code)).not.toContain('similar_cases_differ')
          if (s.rulesUnsure) {
            // The unsure tier: only where the rules' own decision was low, never with the fallback section or a
            // section the rules had assisting, and only below the lead threshold (above it the tier is not needed).
            unsure++
            expect(was.confidence).toBe('low')
            expect(d.lead!.id).not.toBe(r.value.fallback.section)
            expect(was.assist.map((a) => a.id)).not.toContain(d.lead!.id)
            expect(s.leadThreshold).toBe(r.value.routingModel!.unsureLeadThreshold)
            // Below the lead threshold; `p` is shown to two decimals, so 0.7996 reads 0.80 beside a threshold of 0.8.
            expect(s.p).toBeLessThanOrEqual(r.value.routingModel!.leadThreshold as number)
          } else expect(s.leadThreshold).toBe(r.value.routingModel!.leadThreshold)
          return
        }
        const rejected = d.warnings.find((w) => w.code === 'learned_reject')
        if (rejected) {
          // The learned rejection (learnedReject): only of a routed decision the rules were unsure of, where no
          // out-of-scope rule gave way; not accepted, with the named rule's citations, low and reviewed.
          rejections++
          const s = rejected.similar!
          expect(s.p).toBeGreaterThanOrEqual(s.rejectThreshold!)
          expect(was.disposition).toBe('route')
          expect(was.confidence).toBe('low')
          expect(was.warnings.map((w) => w.code)).not.toContain('possibly_out_of_scope')
          expect(d).toMatchObject({ disposition: 'reject', lead: null, assist: [], confidence: 'low' })
          expect(d.rejection!.competentAuthority).toBeTruthy()
          const rule = r.value.screeningRules.find((x) => x.id === rejected.rules![0])!
          expect(rule.outcome).toBe('reject')
          for (const c of rule.cites) expect(d.basis.some((b) => b.doc === (c.doc ?? 'implementation-measures') && b.seq === c.seq && b.item === c.item)).toBe(true)
          expect(d.confidenceReasons!.map((c) => c.code)).toContain('learned_reject')
          return
        }
        expect(answerOf({ ...d, ruleSet: undefined })).toEqual(answerOf({ ...was, ruleSet: undefined }))
        if (d.warnings.some((w) => w.code === 'similar_cases_differ')) {
          warned++
          expect(d.confidence).toBe('low')
          expect(d.disposition).not.toBe('transfer')
        }
      })
      expect(inputs.length).toBeGreaterThan(400)
      if (name === 'threshold 0.05') expect(warned).toBeGreaterThan(20)
      if (name === 'threshold 0.05, leadThreshold 0.5') expect(led).toBeGreaterThan(3)
      if (name === 'bundled') expect(bundledLead).toBeGreaterThanOrEqual(0.5)
      if (name === 'leadThreshold 1, unsureLeadThreshold 0.5') expect(unsure).toBeGreaterThan(3)
      if (name === 'learnedReject from 0.5') expect(rejections).toBeGreaterThan(3)
    })
  }
})

describe('learnedMayOverride: false on a lead rule (a written reading) keeps the bundled model from replacing its lead', () => {
  const plain = createEngine({ rules: loaded(base) })
  const bundled = createEngine({ rules: loaded([...bundledRuleFiles()]) })
  // The bundled scenarios (not frozen) where the bundled model leads against a lead that a rule gave.
  const inputs = loaded(base).scenarios.filter((s) => s.frozen !== true && s.input.text !== undefined).map((s) => s.input)
  const overridden = inputs.flatMap((input) => {
    try {
      const d = bundled.routeComplaintSync(input as never)
      if (!d.warnings.some((w) => w.code === 'learned_lead')) return []
      const rule = plain.routeComplaintSync(input as never).trace.find((h) => h.effect === 'lead')
      return rule ? [{ input, d, rule }] : []
    } catch {
      return []
    }
  })
  test('the bundled model does lead against some rules (else this test says nothing)', () => {
    expect(overridden.length).toBeGreaterThan(0)
  })
  test('marked, the rule keeps its lead; the warning names it; nothing else about the rule set changes', () => {
    const { input, rule } = overridden[0]!
    const file = base.find((f) => f.path === rule.at!.file)!
    const lines = file.text.split('\n')
    const at = lines.findIndex((l) => l === `  - id: ${rule.rule}`)
    expect(at).toBeGreaterThanOrEqual(0)
    lines.splice(at + 1, 0, '    learnedMayOverride: false')
    const marked = bundledRuleFiles().map((f) => (f.path === file.path ? { ...f, text: lines.join('\n') } : f))
    const engine = createEngine({ rules: loaded(marked) })
    const d = engine.routeComplaintSync(input as never)
    const was = plain.routeComplaintSync(input as never)
    expect(d.lead).toEqual(was.lead)
    expect(d.assist).toEqual(was.assist)
    expect(d.warnings.map((w) => w.code)).not.toContain('learned_lead')
    const w = d.warnings.find((x) => x.code === 'similar_cases_differ')!
    expect(w.similar!.settledBy).toBe(rule.rule)
    expect(w.message).toContain(`主办规则 ${rule.rule} 是写明的读法（learnedMayOverride: false）`)
    expect(d.trace.find((h) => h.effect === 'lead')!.rule).toBe(rule.rule)
    // Every other overridden scenario whose lead came from another rule is still overridden.
    for (const o of overridden.slice(1, 20)) if (o.rule.rule !== rule.rule) expect(engine.routeComplaintSync(o.input as never).warnings.map((x) => x.code)).toContain('learned_lead')
  })
  test('a rule file that says it on an assist rule, or says true, is an error at its line and column', () => {
    const file = base.find((f) => f.path === 'sections/advertising.yaml')!
    const assistAt = file.text.split('\n').findIndex((l) => l === '  - id: advertising.brand-liquor-doubt')
    const onAssist = file.text.split('\n')
    onAssist.splice(assistAt + 1, 0, '    learnedMayOverride: false')
    const r = parseRuleSet(base.map((f) => (f.path === file.path ? { ...f, text: onAssist.join('\n') } : f)))
    expect(r.ok).toBe(false)
    const issue = r.ok ? undefined : r.issues.find((i) => i.file === file.path)
    // At the value (「false」), as other rule-file errors are.
    expect(issue).toMatchObject({ line: assistAt + 2, col: 25 })
    expect(issue!.message).toContain('只能写在主办规则（role: lead）上')
    expect(issue!.messageEn).toContain('lead rules (role: lead) only')
    const leadAt = file.text.split('\n').findIndex((l) => l === '  - id: advertising.ad')
    const sayTrue = file.text.split('\n')
    sayTrue.splice(leadAt + 1, 0, '    learnedMayOverride: true')
    const t = parseRuleSet(base.map((f) => (f.path === file.path ? { ...f, text: sayTrue.join('\n') } : f)))
    expect(t.ok).toBe(false)
    expect(t.ok ? undefined : t.issues.find((i) => i.file === file.path)).toMatchObject({ line: leadAt + 2 })
  })
})
