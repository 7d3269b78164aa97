// @ts-nocheck — an experiment script, not part of the suite. Issue 10: would a statistical classifier trained on the
// texts we already have route UNSEEN texts better than the keyword rules, alone or as a fallback where they are unsure?
//   mkdir -p /tmp/rules-0d31251 && git archive 0d31251 rules | tar -x -C /tmp/rules-0d31251   (RULES_OLD overrides the path)
//   npx tsx test/tools/classifier-experiment.mts                 (naive Bayes, as briefed)
//   MODEL=lr npx tsx test/tools/classifier-experiment.mts        (logistic regression)
//   options: CURATED=head (curated scenarios of this tree instead of 0d31251's), NMIN=2, BINARY=1, SEED=n, THETA=0.8
//
// Protocol (honesty):
// - Scenarios are loaded with loadRuleSet and every `frozen: true` scenario is dropped before anything else
//   (asserted); frozen texts are never read, printed, trained or tested on. Only figures are printed.
// - Held-out test set: the tuned texts of rules/tests/field/fresh7 and fresh8 (the 11th/12th batches; 73 texts).
// - Train set: the tuned texts of every other field file (464) plus the curated routing scenarios with input.text and
//   a clear label. By default the curated scenarios are taken as they were at 0d31251: caed155 added curated
//   scenarios "for the eleventh/twelfth batches' readings", i.e. written while tuning on the test set, and they
//   leak (CURATED=head: LR alone 52 → 56/73, hybrid (b) 62 → 64/73).
// - Label = expect.disposition === 'route' ? expect.lead : expect.disposition (21 classes).
// - Rule baseline: the rules before anyone tuned on fresh7/8, commit 0d31251 (routeComplaintSync; label compared).
// - Features: character 1-3-grams of normalizeText(text) (NFKC + lower case, the router's normaliser) plus the
//   respondent name's 1-3-grams as separate features. NB: multinomial, Laplace (alpha 1). LR: softmax over binary
//   features, SGD 30 epochs, L2 1e-4 — hyper-parameters set once, not tuned. The model family was chosen after the
//   NB run; 5-fold CV on the train set alone (NB 46.6%, LR 66.0%) picks LR too.
//
// Second held-out run (2026-12-05, the 13th/14th batches, 58 tuned texts; the rules of 0b429ff, which never saw them;
// curated from the same tree): TEST='fresh9|fresh10' RULES_OLD=<git archive of 0b429ff>/rules CURATED=head MODEL=lr
//   rules 48/58; (a) LR alone 43/58; (b) LR where 'low' 46/58 (fixes 2 of 3, breaks 4); (c) LR where the rules fell
//   back 50/58 (fixes 2 of 3, breaks 0); oracle 56/58. So (c) gained +2 both times and never broke a rule hit; (b) did
//   not hold up. Over both runs (131 texts): (c) +4, 0 broken.
// Third and fourth held-out runs (2026-12-05, stop 19), each on two batches gathered that hour, before any tuning on
// them, CURATED=head, MODEL=lr:
//   TEST='fresh11|fresh12' (79 tuned texts; rules of 2aa3ecd): rules 64; (a) 55; (b) 65 (fixes 4 of 7, breaks 3);
//     (c) 65 (13 handed, fixes 1 of 2, breaks 0); (d) 67 (3 handed, fixes 3, breaks 0); oracle 71.
//   TEST='fresh13|fresh14' (75 tuned texts; rules of 9d7bae0): rules 65; (a) 51; (b) 60 (breaks 8); (c) 66 (12 handed,
//     fixes 3 of 4, breaks 2); (d) 66; oracle 71.
//   TEST='fresh15|fresh16' (73 tuned texts; rules of 6e26786, after three tuning rounds that night): rules 52 (71.2%);
//     (a) LR alone 56 (76.7%: the first batch where LR alone beats the rules); (b) 56 (fixes 6 of 11, breaks 2);
//     (c) 54 (14 handed, fixes 3 of 5, breaks 1); (d) 57 (5 handed, fixes 5, breaks 0); oracle 66.
//   TEST='fresh17|fresh18' (62 tuned texts; rules of 56743b7, the stop's final rules): rules 53; (a) 46; (b) 52; (c) 52
//     (10 handed, fixes 0, breaks 1); (d) 55 (2 handed, fixes 2); oracle 57.
// Seventh and eighth held-out runs (2026-12-05, stop 20), each on two batches gathered that hour, before any tuning on
// them, curated from the rules tree named (no curated scenario written for the test texts), MODEL=lr:
//   TEST='fresh19|fresh20' (73 tuned texts; rules and curated of 782f918): rules 55; (a) 56; (b) 56 (fixes 6 of 8,
//     breaks 5); (c) 54 (15 handed, fixes 2 of 3, breaks 3); (d) 58 (5 handed, fixes 3, breaks 0; the rules were
//     wrong on all 5); oracle 66; clf p >= 0.8 right 33/35.
//   TEST='fresh21|fresh22' (67 tuned texts; rules and curated of 01b3ee2, after two tuning rounds that stop): rules 49;
//     (a) 46; (b) 54 (fixes 8 of 9, breaks 3); (c) 54 (13 handed, fixes 5 of 5, breaks 0); (d) 53 (6 handed, fixes 5,
//     breaks 1); oracle 62; clf p >= 0.8 right 26/27.
//   Over eight runs (560 texts) (c) is +11 with 7 broken; (d)'s flags (sure and disagreeing) fell on a rule miss in
//   10 of 11 in these two runs — the evidence for the review warning `similar_cases_differ` (branch s20-review).
//   Over six runs (420 texts) (c) is +7 with 4 broken (the five before: +8, 3 broken); (d), where the classifier is sure (p >= 0.8) and disagrees, is
//   right more often than the rules on every run but the first (fixes 3 / breaks 3 there), which makes it a candidate
//   for a review warning ("similar texts were handled by X") rather than for changing the lead. Built properly (branch s19-learn, 9c5f8fc: a routing-model rule
//   file, `xiaobao train`, a learned_lead warning; the model may choose only a section, never reject or transfer, and
//   only above a threshold set by cross-validation), it gained +1 of 131 on the first two held-out sets: most of (c)'s
//   gain here came from the classifier answering "reject", which a fallback must not do (wrongly rejecting costs the
//   consumer the remedy). For +1 of 131 it cost 23 KB gzip on the route bundle (+24%) and 1-2 us per route: not merged.
// Result (2026-12-05, curated from 0d31251, test 73 texts; "fixes"/"breaks" = of the texts handed to the classifier,
// rule misses it gets right / rule hits it gets wrong):
//   method                                          NB 1-3            LR 1-3
//   5-fold CV on train (786)                        366 = 46.6%       519 = 66.0% (516-524 over 5 seeds)
//   rules at 0d31251 (baseline)                     59/73 = 80.8%     59/73 = 80.8%
//   (a) classifier alone                            32/73 = 43.8%     52/73 = 71.2%
//   (b) rules, classifier where confidence 'low'    56/73 (23 handed; fixes 3 of 10, breaks 6)
//                                                                     62/73 = 84.9% (fixes 7 of 10, breaks 4)
//   (c) rules, classifier where the rules fell back 60/73 (9 handed; fixes 1 of 4, breaks 0)
//                                                                     61/73 = 83.6% (fixes 2 of 4, breaks 0)
//   (d) rules, classifier where they disagree and
//       its top p >= 0.8                            33/73             59/73 (6 handed; fixes 3, breaks 3)
//   oracle (either right)                           63/73             67/73
//   calibration on test: top p >= 0.8               32/71 = 45%       33/36 = 91.7%
//                        top p <  0.8               0/2               19/37 = 51.4%
//   LR's test figures are the same for SEED 1-5. No test text has a near-duplicate in train (3-gram Jaccard >= 0.5).
// Reading: multinomial NB over raw character n-grams is useless here (long texts make it certain of everything, and
// unigrams swamp it); LR alone is below the rules (71% vs 81%) but right on the rules' weak spots, so a fallback on
// 'low' decisions gains about +3 texts of 73 (+4 pp, McNemar 7 vs 4, p ≈ 0.5) — within the noise of 73 texts
// (±9 pp at 95% for one accuracy). Worth a larger held-out test, not yet worth building.
import { join } from 'node:path'
import assert from 'node:assert/strict'
const root = join(import.meta.dirname, '..', '..')
const { createEngine } = await import(root + '/src/engine/createEngine.ts')
const { loadRuleSet } = await import(root + '/src/node/loadRuleSet.ts')
const { normalizeText } = await import(root + '/src/routing/normalizeText.ts')

const dropFrozen = (rs: any) => {
  rs.scenarios = rs.scenarios.filter((s: any) => s.frozen !== true)
  assert.equal(rs.scenarios.filter((s: any) => s.frozen === true).length, 0)
  return rs
}
const head = dropFrozen(await loadRuleSet(root + '/rules'))
const oldDir = process.env.RULES_OLD ?? '/tmp/rules-0d31251/rules'
const old = dropFrozen(await loadRuleSet(oldDir))

const labelOf = (e: any): string | undefined => {
  if (!e || e.error) return undefined
  if (e.disposition === 'reject' || e.disposition === 'transfer') return e.disposition
  if ((e.disposition === undefined || e.disposition === 'route') && typeof e.lead === 'string') return e.lead
  return undefined
}
// TEST: which field files are held out (a regular expression on the file name; default the 11th/12th batches).
const TEST = new RegExp(`(${process.env.TEST ?? 'fresh[78]'})\\.test\\.yaml$`)
const isTest = (s: any) => s.measure && TEST.test(s.at.file)
const usable = (s: any) => typeof s.input?.text === 'string' && s.input.text.trim() !== '' && labelOf(s.expect) !== undefined
const test = head.scenarios.filter((s: any) => isTest(s))
assert.ok(test.every(usable))
const fieldTrain = head.scenarios.filter((s: any) => s.measure && !isTest(s) && usable(s))
const curatedFrom = process.env.CURATED === 'head' ? head : old
const curated = curatedFrom.scenarios.filter((s: any) => !s.measure && usable(s))
const train = [...fieldTrain, ...curated]
for (const s of [...test, ...train]) assert.notEqual(s.frozen, true)

// ---- features and naive Bayes ----
const grams = (t: string, prefix: string, out: string[]) => {
  for (let n = NMIN; n <= 3; n++) for (let i = 0; i + n <= t.length; i++) {
    const g = t.slice(i, i + n)
    if (!/^\s+$/.test(g)) out.push(prefix + g)
  }
}
const NMIN = Number(process.env.NMIN ?? 1)
const BINARY = process.env.BINARY === '1'
const MODEL = process.env.MODEL ?? 'nb'
const features = (s: any) => {
  const out: string[] = []
  grams(normalizeText(String(s.input.text)), 'T:', out)
  grams(normalizeText(String(s.input.respondent?.name ?? '')), 'R:', out)
  return BINARY || MODEL === 'lr' ? [...new Set(out)] : out
}
// Multinomial logistic regression (softmax) over binary features, plain SGD with L2, a fixed number of epochs.
const fitLR = (docs: { f: string[]; y: string }[], epochs = 30, lr = 0.2, l2 = 1e-4) => {
  const classes = [...new Set(docs.map((d) => d.y))].sort()
  const K = classes.length, ci = new Map(classes.map((c, i) => [c, i]))
  const w = new Map<string, Float64Array>(), b = new Float64Array(K)
  const wOf = (g: string) => { let v = w.get(g); if (!v) w.set(g, (v = new Float64Array(K))); return v }
  const scores = (f: string[]) => {
    const z = Float64Array.from(b)
    for (const g of f) { const v = w.get(g); if (v) for (let k = 0; k < K; k++) z[k] += v[k] }
    const max = Math.max(...z); let sum = 0
    for (let k = 0; k < K; k++) { z[k] = Math.exp(z[k] - max); sum += z[k] }
    for (let k = 0; k < K; k++) z[k] /= sum
    return z
  }
  let st = Number(process.env.SEED ?? 7)
  const rnd = () => ((st = (st * 1103515245 + 12345) % 2147483648) / 2147483648)
  const idx = docs.map((_, i) => i)
  for (let e = 0; e < epochs; e++) {
    for (let i = idx.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [idx[i], idx[j]] = [idx[j], idx[i]] }
    const rate = lr / (1 + e * 0.2)
    for (const i of idx) {
      const d = docs[i], p = scores(d.f), y = ci.get(d.y)!
      const scale = rate / Math.sqrt(d.f.length)
      for (let k = 0; k < K; k++) { const gk = p[k] - (k === y ? 1 : 0); b[k] -= rate * gk; p[k] = gk }
      for (const g of d.f) { const v = wOf(g); for (let k = 0; k < K; k++) v[k] -= scale * p[k] + rate * l2 * v[k] }
    }
  }
  return (f: string[]) => {
    const p = scores(f); let best = 0
    for (let k = 1; k < K; k++) if (p[k] > p[best]) best = k
    return { label: classes[best], p: p[best] }
  }
}
const fitNB = (docs: { f: string[]; y: string }[], alpha = 1) => {
  const classes = [...new Set(docs.map((d) => d.y))].sort()
  const vocab = new Set<string>()
  const count = new Map<string, Map<string, number>>(), total = new Map<string, number>(), prior = new Map<string, number>()
  for (const c of classes) { count.set(c, new Map()); total.set(c, 0); prior.set(c, 0) }
  for (const d of docs) {
    prior.set(d.y, prior.get(d.y)! + 1)
    const m = count.get(d.y)!
    for (const g of d.f) { vocab.add(g); m.set(g, (m.get(g) ?? 0) + 1) }
    total.set(d.y, total.get(d.y)! + d.f.length)
  }
  const V = vocab.size
  return (f: string[]) => {
    const scores = classes.map((c) => {
      const m = count.get(c)!, denom = Math.log(total.get(c)! + alpha * V)
      let s = Math.log(prior.get(c)! / docs.length)
      for (const g of f) if (vocab.has(g)) s += Math.log((m.get(g) ?? 0) + alpha) - denom
      return s
    })
    const max = Math.max(...scores)
    const ex = scores.map((s) => Math.exp(s - max)), z = ex.reduce((a, b) => a + b, 0)
    let best = 0; for (let i = 1; i < classes.length; i++) if (scores[i] > scores[best]) best = i
    return { label: classes[best], p: ex[best] / z }
  }
}
const fit = MODEL === 'lr' ? (d: any) => fitLR(d) : (d: any) => fitNB(d)
const docOf = (s: any) => ({ f: features(s), y: labelOf(s.expect)! })

// ---- 5-fold cross-validation on the train set (reference) ----
let seed = 20261205
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
const order = train.map((_, i) => i).sort(() => 0).map((i) => [rand(), i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i)
const trainDocs = train.map(docOf)
let cvRight = 0
for (let k = 0; k < 5; k++) {
  const inFold = new Set(order.filter((_, j) => j % 5 === k))
  const nb = fit(trainDocs.filter((_, i) => !inFold.has(i)))
  for (const i of inFold) if (nb(trainDocs[i].f).label === trainDocs[i].y) cvRight++
}

// ---- the held-out test set ----
const nb = fit(trainDocs)
const oldEngine = createEngine({ rules: old })
const headEngine = createEngine({ rules: head })
const decide = (engine: any, s: any) => { try { return engine.routeComplaintSync(s.input) } catch { return undefined } }
const labelOfDecision = (d: any) => (d === undefined ? 'error' : d.disposition === 'route' ? d.lead?.id ?? '?' : d.disposition)
const fellBack = (d: any) => {
  if (!d || d.disposition !== 'route') return false
  if (d.warnings.some((w: any) => w.code === 'no_specific_section')) return true
  const lead = d.trace.find((h: any) => h.stage === 'routing' && h.effect === 'lead')
  return lead !== undefined && /\.by-category$/.test(lead.rule)
}
const rows = test.map((s: any) => {
  const want = labelOf(s.expect)!
  const d = decide(oldEngine, s)
  const c = nb(features(s))
  return { want, rule: labelOfDecision(d), low: d?.confidence === 'low', fallback: fellBack(d), cls: c.label, p: c.p, tuned: labelOfDecision(decide(headEngine, s)) }
})
const N = rows.length
const pct = (r: number, n = N) => `${r}/${n} = ${n ? ((100 * r) / n).toFixed(1) : '—'}%`
const right = (f: (r: any) => string) => rows.filter((r) => f(r) === r.want).length
const swapStats = (use: (r: any) => boolean) => {
  const swapped = rows.filter(use)
  return {
    swapped: swapped.length,
    missesFixed: swapped.filter((r) => r.rule !== r.want && r.cls === r.want).length,
    missesInSwapped: swapped.filter((r) => r.rule !== r.want).length,
    hitsBroken: swapped.filter((r) => r.rule === r.want && r.cls !== r.want).length,
  }
}
const THETA = Number(process.env.THETA ?? 0.8)
const methods: [string, (r: any) => string, ((r: any) => boolean) | undefined][] = [
  [`rules at ${process.env.RULES_OLD ? 'RULES_OLD' : '0d31251'} (baseline)`, (r) => r.rule, undefined],
  [`(a) ${MODEL === 'lr' ? 'logistic regression' : 'naive Bayes'} alone`, (r) => r.cls, undefined],
  ["(b) rules; clf where confidence 'low'", (r) => (r.low ? r.cls : r.rule), (r) => r.low],
  ['(c) rules; clf where the rules fell back', (r) => (r.fallback ? r.cls : r.rule), (r) => r.fallback],
  [`(d) rules; clf where they disagree and clf p ≥ ${THETA}`, (r) => (r.cls !== r.rule && r.p >= THETA ? r.cls : r.rule), (r) => r.cls !== r.rule && r.p >= THETA],
  ['(b∪c) rules; clf where low or fell back', (r) => (r.low || r.fallback ? r.cls : r.rule), (r) => r.low || r.fallback],
  ['oracle: rules or clf, whichever is right', (r) => (r.rule === r.want ? r.rule : r.cls), undefined],
]
console.log(`model ${MODEL}${BINARY ? ' binary' : ''} n-grams ${NMIN}-3`)
console.log(`protocol: frozen dropped and asserted absent; train ${train.length} (field ${fieldTrain.length} + curated ${curated.length}, curated from ${process.env.CURATED === 'head' ? 'HEAD' : oldDir}); test ${N} (${process.env.TEST ?? 'fresh[78]'} tuned); classes ${new Set(trainDocs.map((d) => d.y)).size}`)
console.log(`5-fold CV on the train set: ${pct(cvRight, train.length)}`)
console.log('\n| method | right / ' + N + ' | swapped to clf | rule misses clf fixes | rule hits clf breaks |\n|---|---:|---:|---:|---:|')
for (const [name, f, use] of methods) {
  const st = use ? swapStats(use) : undefined
  console.log(`| ${name} | ${pct(right(f))} | ${st ? st.swapped : ''} | ${st ? `${st.missesFixed} of ${st.missesInSwapped}` : ''} | ${st ? st.hitsBroken : ''} |`)
}
console.log(`(reference, not fair: the rules of this tree, tuned on these texts: ${pct(right((r) => r.tuned))})`)
const hi = rows.filter((r) => r.p >= 0.8), lo = rows.filter((r) => r.p < 0.8)
console.log(`clf calibration on the test set: p ≥ 0.8 ${pct(hi.filter((r) => r.cls === r.want).length, hi.length)}; p < 0.8 ${pct(lo.filter((r) => r.cls === r.want).length, lo.length)}`)
for (const [lo_, hi_] of [[0, 0.5], [0.5, 0.8], [0.8, 0.99], [0.99, 1.01]]) {
  const b = rows.filter((r) => r.p >= lo_ && r.p < hi_)
  console.log(`  p in [${lo_}, ${Math.min(hi_, 1)}${hi_ > 1 ? ']' : ')'}: ${pct(b.filter((r) => r.cls === r.want).length, b.length)}`)
}
const lowRows = rows.filter((r) => r.low), fbRows = rows.filter((r) => r.fallback)
console.log(`rules on their 'low' texts: ${pct(lowRows.filter((r) => r.rule === r.want).length, lowRows.length)}; clf there: ${pct(lowRows.filter((r) => r.cls === r.want).length, lowRows.length)}`)
console.log(`rules on their fell-back texts: ${pct(fbRows.filter((r) => r.rule === r.want).length, fbRows.length)}; clf there: ${pct(fbRows.filter((r) => r.cls === r.want).length, fbRows.length)}`)
const agree = rows.filter((r) => r.cls === r.rule)
console.log(`rules and clf agree on ${agree.length}/${N}, right there ${pct(agree.filter((r) => r.rule === r.want).length, agree.length)}`)
// Near-duplicates between test and train (leakage check): test texts whose 3-gram Jaccard with some train text ≥ 0.5.
const tri = (t: string) => { const s = new Set<string>(); const n = normalizeText(t); for (let i = 0; i + 3 <= n.length; i++) s.add(n.slice(i, i + 3)); return s }
const trainTri = train.map((s: any) => tri(s.input.text))
let nearDup = 0
for (const s of test) {
  const a = tri(s.input.text)
  if (trainTri.some((b) => { let inter = 0; for (const g of a) if (b.has(g)) inter++; return inter / (a.size + b.size - inter) >= 0.5 })) nearDup++
}
console.log(`test texts with a near-duplicate in train (3-gram Jaccard ≥ 0.5): ${nearDup}/${N}`)
const byLabel = new Map<string, number>(); for (const d of trainDocs) byLabel.set(d.y, (byLabel.get(d.y) ?? 0) + 1)
const testBy = new Map<string, number>(); for (const r of rows) testBy.set(r.want, (testBy.get(r.want) ?? 0) + 1)
console.log(`majority-class baseline on test (${[...byLabel].sort((a, b) => b[1] - a[1])[0][0]}): ${pct(rows.filter((r) => r.want === [...byLabel].sort((a, b) => b[1] - a[1])[0][0]).length)}`)
if (process.env.LABELS) console.log('train per label', Object.fromEntries(byLabel), '\ntest per label', Object.fromEntries(testBy))
