// @ts-nocheck — a measurement script, not part of the suite. Stop 25's comparison of model sizes (README, "larger models").
//   VARIANTS='[{"name":"shipped","maxFeatures":2000,"minLevel":2},{"name":"16000","maxFeatures":16000,"minLevel":1}]' npx tsx test/tools/model-size-heldout.mts
// Same held-out intake answers as lead-thresholds-heldout.mts (fifteen pairs fresh7–fresh36, routed by the rules of the
// commit that added each pair, model switched off; a model trained on today's rows minus the pair). Prints, on the tuned
// texts, how many the model alone gets right and how many the shipped policy (lead 0.8, unsure 0.5, the unsure tier not
// to the fallback or an assisting section) gets right. A variant: maxFeatures/minLevel (compact, as shipped), fit
// settings (seeds: [..] averages fits with those shuffling seeds), or dense: true with quant { max, levels, min, rank: log|sqrt|df } (float weights, pruned/quantised here).
// FROZEN=1 also prints the frozen texts of the same pairs (look once, after choosing). ~1 minute a variant.
// THROUGH=n: every batch fresh7–fresh<n>, grouped by the commit that added it (as lead-thresholds-heldout.mts).
import { intakeAnswers, learned } from './heldoutIntake.mts'
const { trainingRows, gramsOf, fitSoftmax, DEFAULT_FIT, softmaxInto, compactModel, decodeWeights, scoreText, normalizeText, variantsOf } = learned

const { today, pairs, rows } = await intakeAnswers(process.env.THROUGH ? { through: Number(process.env.THROUGH) } : {})
const { rows: train } = trainingRows(today)
const variants = variantsOf(today)
const fallback = today.fallback.section
const decide = (r, m, p, lead = 0.8, unsure = 0.5) => {
  if (m === r.answer || r.answer === 'reject' || m === 'reject') return r.answer
  if (p >= lead) return m
  if (r.conf === 'low' && p >= unsure && m !== fallback && !r.assist.includes(m)) return m
  return r.answer
}
const gramsTrain = train.map((r) => gramsOf(r.text, r.respondent))
const V = JSON.parse(process.env.VARIANTS ?? '[{"name":"base"}]')
console.log(`rows ${rows.length} (tuned ${rows.filter((r) => !r.frozen).length}); rules alone tuned ${rows.filter((r) => !r.frozen && r.answer === r.label).length}`)
for (const v of V) {
  const fit = { ...DEFAULT_FIT, ...(v.fit ?? {}) }
  for (const { commit, files } of pairs) {
    const docs = train.flatMap((r, i) => (files.some((f) => r.file === f) ? [] : [{ grams: gramsTrain[i], label: r.label }]))
    // seeds: [a, b, …] averages the weights of fits that differ only in the shuffling seed (variance, not bias).
    const dense = fitSoftmax(docs, v.seeds ? { ...fit, seed: v.seeds[0] } : fit)
    for (const seed of (v.seeds ?? []).slice(1)) {
      const other = fitSoftmax(docs, { ...fit, seed })
      for (let i = 0; i < dense.weights.length; i++) dense.weights[i] += other.weights[i]
      for (let k = 0; k < dense.bias.length; k++) dense.bias[k] += other.bias[k]
    }
    if (v.seeds) {
      for (let i = 0; i < dense.weights.length; i++) dense.weights[i] /= v.seeds.length
      for (let k = 0; k < dense.bias.length; k++) dense.bias[k] /= v.seeds.length
    }
    const fidx = new Map(dense.features.map((g, i) => [g, i]))
    if (v.quant) {
      const K0 = dense.classes.length, F0 = dense.features.length, W = dense.weights
      const strength = new Float64Array(F0)
      for (let f = 0; f < F0; f++) { const row = Array.from(W.subarray(f * K0, f * K0 + K0)).sort((a, b) => a - b); const med = row[Math.floor(K0 / 2)]; let m = 0; for (let k = 0; k < K0; k++) { W[f * K0 + k] -= med; m = Math.max(m, Math.abs(W[f * K0 + k])) } strength[f] = m }
      const rankBy = Float64Array.from(strength)
      if (v.quant.rank) { const df = new Float64Array(F0); for (const d of docs) for (const g of new Set(d.grams)) { const i = fidx.get(g); if (i !== undefined) df[i]++ } for (let f = 0; f < F0; f++) rankBy[f] *= v.quant.rank === 'log' ? Math.log(1 + df[f]) : v.quant.rank === 'sqrt' ? Math.sqrt(df[f]) : df[f] }
      const order = [...Array(F0).keys()].sort((a, b) => rankBy[b] - rankBy[a])
      const keep = new Set(v.quant.max ? order.slice(0, v.quant.max) : order)
      let maxAbs = 0; for (const f of keep) maxAbs = Math.max(maxAbs, strength[f])
      const L = v.quant.levels ?? 0, scale = L ? maxAbs / L : 0
      for (let f = 0; f < F0; f++) for (let k = 0; k < K0; k++) {
        const i = f * K0 + k
        if (!keep.has(f)) { W[i] = 0; continue }
        if (L) { let q = Math.round(W[i] / scale); if (Math.abs(q) < (v.quant.min ?? 1)) q = 0; W[i] = q * scale }
      }
    }
    const cm = v.dense ? undefined : compactModel(dense, { maxFeatures: v.maxFeatures ?? 2000, minLevel: v.minLevel ?? 2 })
    if (cm) { v.size = (v.size ?? 0) + cm.features.length * 3 + cm.weights.length; v.nf = (v.nf ?? 0) + cm.features.split('|').length; v.nw = (v.nw ?? 0) + cm.weights.length / 2 }
    const dec = cm && decodeWeights(cm, dense.classes.length).value
    const K = dense.classes.length, out = new Float64Array(K)
    for (const r of rows) {
      if (r.commit !== commit) continue
      if (dec) {
        const sc = scoreText(dec, variants(normalizeText(r.cur.input.text)), variants(normalizeText(r.cur.input.respondent?.name ?? '')))
        r.m = dense.classes[sc.top]; r.p = sc.p
      } else {
        const g = gramsOf(variants(normalizeText(r.cur.input.text)), variants(normalizeText(r.cur.input.respondent?.name ?? '')))
        const f = [...new Set(g.map((x) => fidx.get(x)).filter((x) => x !== undefined))]
        softmaxInto(out, dense.bias, dense.weights, f, K)
        let top = 0; for (let k = 1; k < K; k++) if (out[k] > out[top]) top = k
        r.m = dense.classes[top]; r.p = out[top]
      }
    }
  }
  const sc = (fr) => { const rs = rows.filter((r) => r.frozen === fr); return `model ${rs.filter((r) => r.m === r.label).length}, policy ${rs.filter((r) => decide(r, r.m, r.p) === r.label).length}, p>=.8 right ${rs.filter((r) => r.p >= 0.8 && r.m === r.label).length}/${rs.filter((r) => r.p >= 0.8).length}` }
  console.log(`${v.name}: ~bytes ${Math.round((v.size ?? 0) / pairs.length)} features ${Math.round((v.nf ?? 0) / pairs.length)} weights ${Math.round((v.nw ?? 0) / pairs.length)} tuned ${sc(false)}` + (process.env.FROZEN ? ` | frozen ${sc(true)}` : ''))
}
