/**
 * The learned rejection (the model file's `learnedReject`): where the rules route with low confidence, no
 * out-of-scope rule gave way to a duty, and the model is sure similar cases were not accepted, the matter is not
 * accepted — with the named screening rule's reason, action and citations, low confidence and a review.
 */
import { describe, expect, test } from 'vitest'
import { parseRuleSet } from '../../capabilities.js'
import { bundledRuleFiles } from '../../engine/defaultRuleSet.js'
import { createEngine } from '../../engine/createEngine.js'
import { keepSettings } from './keepSettings.js'
import { renderRoutingModel } from './renderModel.js'
import { SimilarCasesCheck } from './similarCases.js'
import { trainRoutingModel } from './trainRoutingModel.js'
import { withLearnedReject } from './learnedRejectBlock.testing.js'
import type { SectionRef } from '../../sections.js'
import type { RoutingRuleSet } from '../ruleSet.js'
import type { RoutingModel } from './types.js'

const MODEL_PATH = 'learned/routing-model.yaml'
const bundledModelText = bundledRuleFiles().find((f) => f.path === MODEL_PATH)!.text
// The bundled model writes no learnedReject since stop 31; these tests use it with the block stop 29 shipped.
const modelText = withLearnedReject(bundledModelText)
const base = bundledRuleFiles().filter((f) => f.path !== MODEL_PATH)
const withModel = (text: string) => parseRuleSet([...base, { path: MODEL_PATH, text }])
const line = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1

describe('the review with a small hand-made model', () => {
  const model: RoutingModel = {
    enabled: true, classes: ['catering-food', 'reject'], threshold: 0.9, scale: 0.5, bias: [0, 0], features: '@银|上吐|吐|银', weights: '1_,0_,0_,1_',
    trainedOn: { scenarios: 2, frozenExcluded: 0, rowsHash: 'sha256:0000000000000000' }, hyper: { ngrams: 3, respondentGrams: true, epochs: 1, learningRate: 0.2, l2: 0, seed: 7, maxFeatures: 0, levels: 31 }, at: { file: MODEL_PATH, line: 1, col: 1 },
  }
  const learnedReject = { threshold: 0.95, rules: { complaint: 'reject.x' }, authority: '其他有权机关' }
  const cp: SectionRef = { id: 'consumer-protection', name: '消保股' }
  const check = (m: RoutingModel) => new SimilarCasesCheck(m, (id) => (id === 'catering-food' ? { id, name: '餐饮股' } : id === cp.id ? cp : undefined))
  // What decide.ts's RulesAsked answers: the rules unsure and a rejecting rule named, or not.
  const mayReject = { leadAllowed: () => false, rejectAllowed: () => true }
  const mayNot = { leadAllowed: () => false, rejectAllowed: () => false }
  test('from learnedReject.threshold, where the caller allows it, a routed decision is made a rejection (learned_reject)', () => {
    let asked = 0
    const v = check({ ...model, learnedReject }).review('route', cp, '银行', '', false, false, { leadAllowed: () => false, rejectAllowed: () => (asked++, true) })!
    expect(asked).toBe(1)
    expect(v.reject).toBe(true)
    expect(v.lead).toBeUndefined()
    expect(v.warning!.code).toBe('learned_reject')
    expect(v.warning!.similar).toMatchObject({ answer: 'reject', p: 1, threshold: 0.9, rejectThreshold: 0.95, rulesLead: cp })
    expect(v.warning!.message).toBe('本局已办的相似来件多为不予受理（p=1.00，不低于改为不予受理的 0.95；相似的字词：「银」（位置 0）），而规则自己把握不大，本件改为不予受理；按规则原由消保股主办。请人工复核：如确属本局职责，应予受理。')
    expect(v.warning!.messageEn).toMatch(/^similar cases this bureau has labelled were mostly not accepted \(p=1\.00, at least the learned rejection threshold 0\.95; words: "银" \(offset 0\)\) and the rules' own decision is low-confidence, so the matter is not accepted; by the rules consumer-protection would have led\. A person should review it: if it is this bureau's matter after all, accept it\.$/)
    // The fallback: no rules' lead named.
    const fell = check({ ...model, learnedReject }).review('route', cp, '银行', '', false, true, mayReject)!
    expect(fell.warning!.similar!.rulesLead).toBeNull()
    expect(fell.warning!.message).toContain('没有命中具体股室的规则，原按一般职责由消保股兜底主办')
    // A lean decision: the code alone.
    expect(check({ ...model, learnedReject }).review('route', cp, '银行', '', true, false, mayReject)).toEqual({ warning: { code: 'learned_reject', message: '', messageEn: '' }, reject: true })
    // Below the warning threshold the rejection threshold still counts (p just below 1 against 1 and 0.95).
    expect(check({ ...model, threshold: 1, learnedReject }).review('route', cp, '银', '', false, false, mayReject)!.reject).toBe(true)
  })
  test('never without learnedReject, below its threshold, where the caller does not allow it, against a rejection or a transfer, or to a section', () => {
    expect(check(model).review('route', cp, '银行', '', false, false, mayReject)).toMatchObject({ warning: { code: 'similar_cases_differ' } })
    expect(check(model).review('route', cp, '银行', '', false, false, mayReject)!.reject).toBeUndefined()
    expect(check({ ...model, learnedReject: { ...learnedReject, threshold: 1 } }).review('route', cp, '银', '', false, false, mayReject)!.reject).toBeUndefined()
    expect(check({ ...model, learnedReject }).review('route', cp, '银行', '', false, false, mayNot)).toMatchObject({ warning: { code: 'similar_cases_differ' } })
    expect(check({ ...model, learnedReject }).review('route', cp, '银行', '', false, false)!.reject).toBeUndefined()
    expect(check({ ...model, learnedReject }).review('reject', null, '银行', '', false, false, mayReject)).toMatchObject({ agrees: expect.any(Number) })
    expect(check({ ...model, learnedReject }).review('transfer', null, '银行', '', false, false, mayReject)).toBeUndefined()
    expect(check({ ...model, learnedReject }).review('route', cp, '上吐', '', false, false, mayReject)!.reject).toBeUndefined()
    expect(check({ ...model, enabled: false, learnedReject }).review('route', cp, '银行', '', false, false, mayReject)).toBeUndefined()
  })
})

describe('kind: routing-model: learnedReject is data, checked with its position', () => {
  test('the bundled model has none (stop 31: held-out precision below 90%), so it never changes whether a matter is accepted', () => {
    const r = withModel(bundledModelText)
    expect(r.ok).toBe(true)
    expect(bundledModelText).not.toMatch(/^learnedReject:/m)
    expect(r.ok ? (r.value as unknown as RoutingRuleSet).routingModel!.learnedReject : 'not loaded').toBeUndefined()
  })
  test('a model file that writes one loads it, naming rejecting screening rules for each kind', () => {
    const r = withModel(modelText)
    expect(r.ok).toBe(true)
    const rs = r.ok ? (r.value as unknown as RoutingRuleSet) : undefined
    expect(rs!.routingModel!.learnedReject).toMatchObject({ threshold: expect.any(Number), rules: { complaint: expect.any(String), report: expect.any(String), inquiry: expect.any(String) } })
  })
  const cases: [string, string, RegExp][] = [
    ['no such rule', 'complaint: reject.no-such-rule', /没有 id 为 "reject\.no-such-rule" 的筛查规则/],
    ['a transfer rule', 'complaint: transfer.complaint-respondent-elsewhere', /不是不予受理的规则（outcome: transfer）/],
    ['a rule for another kind', 'complaint: reject.category-out-of-scope-report', /不适用于投诉（appliesTo: report）/],
  ]
  for (const [what, replacement, message] of cases) {
    test(`naming ${what} is an error at that name`, () => {
      const text = modelText.replace(/^ {4}complaint: .*$/m, `    ${replacement}`)
      expect(text).not.toBe(modelText)
      const r = withModel(text)
      expect(r.ok).toBe(false)
      const issue = !r.ok ? r.issues.find((i) => i.file === MODEL_PATH) : undefined
      expect(issue).toMatchObject({ code: 'invalid_value', severity: 'error', line: line(text, '    complaint:'), col: 16 })
      expect(issue!.message).toMatch(message)
      expect(issue!.messageEn).toContain('learnedReject.rules.complaint')
    })
  }
  test('a threshold below 0.5, an unknown kind or no rules at all is an error with its position', () => {
    for (const [from, to] of [
      [/^ {2}threshold: .*$/m, '  threshold: 0.3'],
      [/^ {4}inquiry: (.*)$/m, '    petition: $1'],
      [/^ {2}rules:\n(?: {4}.*\n)+/m, '  rules: {}\n'],
    ] as const) {
      const text = modelText.replace(from, to)
      expect(text).not.toBe(modelText)
      const r = withModel(text)
      expect(r.ok).toBe(false)
      expect(!r.ok && r.issues.some((i) => i.file === MODEL_PATH && i.line !== undefined && i.col !== undefined)).toBe(true)
    }
  })
  test('xiaobao train keeps it as written (not where the loader put it), before the weights', () => {
    const r = withModel(modelText)
    const prior = (r.ok ? (r.value as unknown as RoutingRuleSet) : undefined)!.routingModel!
    expect(prior.learnedReject!.at?.complaint).toMatchObject({ file: MODEL_PATH })
    const small = parseRuleSet(base.filter((f) => !f.path.includes('tests/') && !f.path.endsWith('.test.yaml')).concat({ path: 'tests/a.test.yaml', text: 'kind: scenarios\nscenarios:\n  - { name: a, input: { kind: complaint, receivedOn: "2026-03-02", text: 吃了上吐下泻 }, expect: { lead: catering-food } }\n  - { name: b, input: { kind: complaint, receivedOn: "2026-03-02", text: 银行信用卡年费 }, expect: { disposition: reject } }\n' }))
    if (!small.ok) throw new Error('small rule set does not load')
    const model = trainRoutingModel(small.value as unknown as RoutingRuleSet, { maxFeatures: 0, epochs: 2, threshold: 0.5 }).model
    expect(model.learnedReject).toBeUndefined() // training never writes one
    keepSettings(model, prior)
    const { at: _at, ...written } = prior.learnedReject!
    expect(model.learnedReject).toEqual(written)
    const text = renderRoutingModel(model)
    expect(line(text, 'learnedReject:')).toBeGreaterThan(0)
    expect(line(text, 'learnedReject:')).toBeLessThan(line(text, 'weights:'))
    expect(line(text, 'learnedReject:')).toBeLessThan(line(text, 'scale:'))
  })
})

describe('at routing time (the bundled model with the learnedReject block)', () => {
  // A field text (fresh29, FLD-AG-034, tuned part): a pet clinic's treatment — the rules route it by its category with
  // low confidence; similar labelled cases were not accepted.
  const input = {
    id: 'AG-034', kind: 'complaint', receivedOn: '2025-04-15', channel: '12315-hotline',
    text: '我家点点是去年年初从交易市场买的。宠物诊所一个中年兽医一开始说是普通感冒，让留院输液，一次200块，输完精神好点带回家，不到两小时又没生气了。再去说是狗瘟，要按疗程治，前后花了2000块左右，最后点点还是死了。每次去兽医都说“今天比昨天好吧，再输几天肯定没问题”，从没明确告诉我们狗瘟很难治好。整个治疗没写过病历，也没开过一张收据。',
    respondent: { name: '某某宠物诊所', county: 'XX县' },
  } as const
  const withoutReject = withModel(modelText.replace(/^learnedReject:\n(?: {2}.*\n)+/m, ''))
  if (!withoutReject.ok) throw new Error('model without learnedReject does not load')
  const plain = createEngine({ rules: withoutReject.value })
  // Retraining moves this text's p by a few hundredths (stop 36: 0.95 → 0.94). What is tested is the rejection's shape,
  // not that p: the block's threshold (stop 29's 0.95) comes down to the text's p, and only while the model still puts
  // it at 0.9 or more — below that this example no longer shows a sure model and should be replaced. The warning's p is
  // rounded to two decimals (stop 37: 0.95 shown for a p just under it), so the threshold is one hundredth below it.
  const leaning = plain.routeComplaintSync(input).warnings.find((w) => w.code === 'similar_cases_differ')?.similar
  const p = leaning?.answer === 'reject' ? leaning.p : 0
  const rejectAt = Math.min(0.95, Math.round(p * 100 - 1) / 100)
  const withReject = withModel(modelText.replace(/^ {2}threshold: 0\.95$/m, `  threshold: ${rejectAt}`))
  if (!withReject.ok) throw new Error('model with learnedReject does not load')
  const engine = createEngine({ rules: withReject.value })
  test('the example is one the bundled model is sure of (reject, p at least 0.9)', () => {
    expect(p).toBeGreaterThanOrEqual(0.9)
  })
  test('a low-confidence routed decision becomes a rejection with the named rule’s texts and citations, low confidence and a review', () => {
    const was = plain.routeComplaintSync(input)
    expect(was).toMatchObject({ disposition: 'route', confidence: 'low' })
    const d = engine.routeComplaintSync(input)
    expect(d).toMatchObject({ disposition: 'reject', lead: null, assist: [], confidence: 'low' })
    const w = d.warnings.find((x) => x.code === 'learned_reject')!
    expect(w.rules).toEqual(['reject.category-out-of-scope'])
    expect(w.similar).toMatchObject({ answer: 'reject', rulesLead: was.lead })
    expect(w.similar!.p).toBeGreaterThanOrEqual(w.similar!.rejectThreshold!)
    expect(d.warnings.map((x) => x.code)).toEqual(expect.arrayContaining(['learned_reject', 'needs_review']))
    expect(d.warnings.map((x) => x.code)).not.toContain('similar_cases_differ')
    expect(d.warnings.map((x) => x.code)).not.toContain('no_specific_section')
    expect(d.confidenceReasons!.map((r) => r.code)).toContain('learned_reject')
    expect(d.confidenceReasons!.map((r) => r.code)).not.toContain('weak_evidence')
    expect(d.rejection!.competentAuthority).toBeTruthy()
    expect(d.rejection!.reason).toContain(d.rejection!.competentAuthority!)
    expect(d.rejection!.reason).not.toContain('{authority}')
    expect(d.rejection!.action).toMatch(/^不予受理，告知投诉人向/)
    expect(d.basis.some((c) => c.doc === 'complaint-measures' && c.seq === 15 && c.item === 1)).toBe(true)
    // The rules' routing hits stay, superseded: they say what the matter is about.
    expect(d.trace.filter((h) => h.stage === 'routing').length).toBeGreaterThan(0)
    expect(d.trace.every((h) => h.stage !== 'routing' || h.effect === 'superseded')).toBe(true)
    expect(d.trace.some((h) => h.stage === 'screening')).toBe(false)
  })
  test('a report of the same borrows the report rule (《暂行办法》第二十九条), never 第十五条', () => {
    const d = engine.routeComplaintSync({ ...input, kind: 'report', occurredIn: 'XX县' })
    if (d.disposition !== 'reject') return // the model may be less sure of a report: then nothing to check
    expect(d.warnings.find((x) => x.code === 'learned_reject')!.rules).toEqual(['reject.category-out-of-scope-report'])
    expect(d.basis.some((c) => c.doc === 'complaint-measures' && c.seq === 15)).toBe(false)
    expect(d.basis.some((c) => c.doc === 'complaint-measures' && c.seq === 29)).toBe(true)
  })
  test('routeComplaintSync, routeComplaint, the reference path, explain and a lean (compact) decision agree', async () => {
    const sync = engine.routeComplaintSync(input)
    expect(await engine.routeComplaint(input)).toEqual(sync)
    expect(await createEngine({ rules: withReject.value, evaluator: 'reference' }).routeComplaint(input)).toEqual(sync)
    const explained = engine.routeComplaintSync(input, { explain: true })
    expect(explained.disposition).toBe('reject')
    expect(explained.warnings).toEqual(sync.warnings)
  })
  test('not where an out-of-scope rule gave way to a duty (possibly_out_of_scope): the rules saw both and chose the duty', () => {
    // Over every unfrozen bundled scenario: no learned rejection where the rules' own decision warned possibly_out_of_scope.
    const r = withModel(modelText.replace(/^ {2}threshold: .*$/m, '  threshold: 0.5'))
    if (!r.ok) throw new Error('model does not load')
    const eager = createEngine({ rules: r.value })
    let rejected = 0
    for (const s of (withoutReject.value as unknown as RoutingRuleSet).scenarios) {
      if (s.frozen === true || typeof s.input.text !== 'string') continue
      let was, d
      try {
        was = plain.routeComplaintSync(s.input as never)
        d = eager.routeComplaintSync(s.input as never)
      } catch {
        continue
      }
      if (!d.warnings.some((w) => w.code === 'learned_reject')) continue
      rejected++
      expect(was.disposition).toBe('route')
      expect(was.warnings.map((w) => w.code)).not.toContain('possibly_out_of_scope')
      expect(d.disposition).toBe('reject')
      expect(d.confidence).toBe('low')
    }
    expect(rejected).toBeGreaterThan(3)
  })
})
