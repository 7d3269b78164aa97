// @ts-nocheck — shared by the measurement scripts lead-thresholds-heldout.mts and model-size-heldout.mts (not the suite).
// The held-out intake answers of stop 24's protocol: each pair of field batches fresh7–fresh36 routed by the rules of the
// commit that added the pair (the rules had not been tuned on it; that commit's model switched off), compared with
// today's labels, with the rules' own confidence. Transfers and texts dropped since are left out.
import { execSync } from 'node:child_process'
import { mkdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
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

export async function intakeAnswers() {
  const git = (args: string) => execSync(`git -C ${root} ${args}`).toString()
  const today = await loadRuleSet(join(root, 'rules'))
  const byId = new Map(today.scenarios.filter((s) => s.input?.id).map((s) => [s.input.id, s]))
  const pairs = []
  for (let n = 7; n <= 35; n += 2) {
    const commit = git(`log --diff-filter=A --format=%h -- rules/tests/field/fresh${n}.test.yaml`).trim().split('\n').pop()
    pairs.push({ commit, files: [`tests/field/fresh${n}.test.yaml`, `tests/field/fresh${n + 1}.test.yaml`] })
  }
  const rows = []
  for (const { commit, files } of pairs) {
    const dir = `/tmp/xiaobao-intake/${commit}`
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true })
      execSync(`git -C ${root} archive ${commit} rules | tar -x -C ${dir}`)
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
      rows.push({ commit, files, frozen: cur.frozen === true, cur, label, answer: d.disposition === 'route' ? d.lead.id : d.disposition, conf: d.confidence, assist: d.assist.map((a) => a.id) })
    }
  }
  return { today, pairs, rows }
}
