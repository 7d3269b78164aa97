// @ts-nocheck — shared by the measurement scripts lead-thresholds-heldout.mts and model-size-heldout.mts (not the suite).
// The held-out intake answers of stop 24's protocol: each pair of field batches fresh7–fresh36 routed by the rules of the
// commit that added the pair (the rules had not been tuned on it; that commit's model switched off), compared with
// today's labels, with the rules' own confidence. Transfers and texts dropped since are left out.
import { execSync } from 'node:child_process'
import { mkdirSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const root = join(import.meta.dirname, '..', '..')
const { createEngine } = await import(root + '/src/engine/createEngine.ts')
const { loadRuleSet } = await import(root + '/src/node/loadRuleSet.ts')
const { labelOf } = await import(root + '/src/routing/learned/trainingRows.ts')

/** What both scripts train and score with (the shipped model's own code). */
export const learned = {
  ...(await import(root + '/src/routing/learned/trainingRows.ts')),
  ...(await import(root + '/src/routing/learned/features.ts')),
  ...(await import(root + '/src/routing/learned/fit.ts')),
  ...(await import(root + '/src/routing/learned/compact.ts')),
  ...(await import(root + '/src/routing/learned/score.ts')),
  ...(await import(root + '/src/routing/learned/trainRoutingModel.ts')),
  ...(await import(root + '/src/conditions/normalizeText.ts')),
  variantsOf: (await import(root + '/src/routing/deriveFacts.ts')).variantsOf,
}

/**
 * `through`: instead of the fifteen pairs fresh7–fresh36, every batch fresh7–fresh<through>, grouped by the commit that
 * added it (learned-reject-heldout.mts).
 */
export async function intakeAnswers(options: { through?: number } = {}) {
  const git = (args: string) => execSync(`git -C ${root} ${args}`).toString()
  const today = await loadRuleSet(join(root, 'rules'))
  const byId = new Map(today.scenarios.filter((s) => s.input?.id).map((s) => [s.input.id, s]))
  const pairs = []
  const addedBy = (n: number) => git(`log --diff-filter=A --format=%h -- rules/tests/field/fresh${n}.test.yaml`).trim().split('\n').pop()
  if (options.through === undefined) {
    for (let n = 7; n <= 35; n += 2) pairs.push({ commit: addedBy(n), files: [`tests/field/fresh${n}.test.yaml`, `tests/field/fresh${n + 1}.test.yaml`] })
  } else {
    const byCommit = new Map()
    for (let n = 7; n <= options.through; n++) {
      const commit = addedBy(n)
      if (!byCommit.has(commit)) pairs.push(byCommit.set(commit, { commit, files: [] }).get(commit))
      byCommit.get(commit).files.push(`tests/field/fresh${n}.test.yaml`)
    }
  }
  const rows = []
  for (const { commit, files } of pairs) {
    const dir = `/tmp/xiaobao-intake/${commit}`
    if (!existsSync(dir)) {
      // Extracted beside it and renamed into place, so that two scripts run at once never read a half-extracted copy.
      const part = `${dir}.${process.pid}`
      mkdirSync(part, { recursive: true })
      execSync(`git -C ${root} archive ${commit} rules | tar -x -C ${part}`)
      try {
        renameSync(part, dir)
      } catch {
        rmSync(part, { recursive: true, force: true }) // the other script was first
      }
    }
    const model = join(dir, 'rules/learned/routing-model.yaml')
    if (existsSync(model)) writeFileSync(model, readFileSync(model, 'utf8').replace(/^enabled: true$/m, 'enabled: false'))
    const old = await loadRuleSet(join(dir, 'rules'))
    const engine = createEngine({ rules: old })
    for (const s of old.scenarios) {
      if (!files.some((f) => s.at.file.endsWith(f))) continue
      const cur = byId.get(s.input?.id)
      if (!cur) continue // dropped since
      const label = labelOf(cur.expect)
      if (label === undefined) continue // transfers
      let d
      try {
        d = engine.routeComplaintSync(cur.input)
      } catch {
        continue
      }
      if (d.disposition === 'transfer') continue
      // `decidedBy`: what gave the rules' lead — 'specific' (a lead rule of a named duty), 'category' (a `….by-category` rule
      // or a general duty) or 'fallback' (no lead rule fired) — for the written-readings guard (stop 37).
      const won = d.trace.find((h) => h.stage === 'routing' && h.effect === 'lead')
      const general = won !== undefined && old.routingRules.find((x) => x.id === won.rule)?.general === true
      const decidedBy = d.disposition !== 'route' ? 'screening' : won === undefined ? 'fallback' : won.rule.endsWith('.by-category') || general ? 'category' : 'specific'
      rows.push({ commit, files, frozen: cur.frozen === true, cur, label, answer: d.disposition === 'route' ? d.lead.id : d.disposition, conf: d.confidence, assist: d.assist.map((a) => a.id), warnings: d.warnings.map((w) => w.code), decidedBy })
    }
  }
  return { today, pairs, rows }
}

/**
 * For each group: a model trained as shipped on today's training rows minus the group's files (frozen scenarios are never
 * trained on: trainingRows.ts), and each of the group's rows scored by it — `scored(row, scores, classes)`.
 */
export function scoreHeldOut(today, pairs, rows, scored) {
  const { trainingRows, gramsOf, fitSoftmax, DEFAULT_FIT, compactModel, decodeWeights, scoreText, normalizeText, variantsOf, DEFAULT_MAX_FEATURES, DEFAULT_MIN_LEVEL } = learned
  // FIT='{"l2":0.001}' and MAX_FEATURES=n try other fit settings than the shipped ones (stop 36: the L2 study).
  const fit = { ...DEFAULT_FIT, ...JSON.parse(process.env.FIT ?? '{}') }
  const maxFeatures = Number(process.env.MAX_FEATURES ?? DEFAULT_MAX_FEATURES)
  const { rows: train } = trainingRows(today)
  const variants = variantsOf(today)
  // Characters whose grams are not learned: the model file's hyper.skipChars (gramsOf's third argument; 「某」 since stop 38),
  // so the held-out model is trained as shipped. MASK='…' overrides it, MASK='' trains on every gram (stops 37–38 compared
  // the two). Scoring needs no masking: no learned gram has those characters.
  const skipChars = process.env.MASK ?? today.routingModel?.hyper.skipChars ?? ''
  const grams = train.map((r) => gramsOf(r.text, r.respondent, skipChars))
  // RENAME=1 (stop 38): score each held-out text as production would see it — every run of 「某」 in its text and respondent
  // name replaced by a made-up shop name (the same for a given scenario id), because real complaints carry real names.
  // Training rows are not renamed. With MASK='' this measures a model that learned 「某」 on production-like names.
  const NAMES = ['华联', '永辉', '老王', '金辉', '鑫源', '百佳', '恒达', '惠民', '好又多', '佳佳', '兴隆', '福满', '大润', '新世纪', '利民', '宏发', '万家', '顺心', '红旗', '阳光']
  const rename = (t, id) => {
    if (!process.env.RENAME) return t
    let h = 0
    for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0
    return t.replace(/某+/g, () => NAMES[h++ % NAMES.length])
  }
  for (const { commit, files } of pairs) {
    const docs = train.flatMap((r, i) => (files.some((f) => r.file === f) ? [] : [{ grams: grams[i], label: r.label }]))
    const dense = fitSoftmax(docs, fit)
    const dec = decodeWeights(compactModel(dense, { maxFeatures, minLevel: DEFAULT_MIN_LEVEL }), dense.classes.length)
    for (const r of rows) {
      if (r.commit !== commit) continue
      const id = String(r.cur.input.id)
      scored(r, scoreText(dec.value, variants(normalizeText(rename(r.cur.input.text, id))), variants(normalizeText(rename(r.cur.input.respondent?.name ?? '', id + '@')))), dense.classes)
    }
  }
}

/** `intakeAnswers` (THROUGH=n from the environment) with each row scored by its group's held-out model: `r.model`, `r.p`. */
export async function scoredIntake() {
  const got = await intakeAnswers(process.env.THROUGH ? { through: Number(process.env.THROUGH) } : {})
  scoreHeldOut(got.today, got.pairs, got.rows, (r, sc, classes) => {
    r.model = classes[sc.top]
    r.p = sc.p
  })
  return got
}

/**
 * A row's answer with the learned lead: the model's section replaces a routed lead from p `lead`, or from `unsure` where
 * the rules' own decision was low; `guarded` (as shipped): the unsure tier never leads with the fallback section or an
 * assisting one; `guardAll`: no tier leads with an assisting one. Acceptance is never changed.
 */
export function withLearnedLead(r, fallback, lead, unsure, guarded = true, guardAll = false) {
  if (r.model === r.answer || r.answer === 'reject' || r.model === 'reject') return r.answer
  if (guardAll && r.assist.includes(r.model)) return r.answer
  if (r.p >= lead) return r.model
  if (unsure !== undefined && r.conf === 'low' && r.p >= unsure && !(guarded && (r.model === fallback || r.assist.includes(r.model)))) return r.model
  return r.answer
}
