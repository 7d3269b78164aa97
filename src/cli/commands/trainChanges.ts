/**
 * `xiaobao train`'s last paragraph: which labelled answers the new model changes against the old one
 * (answerChanges.ts). Tuned scenarios are named with their line; frozen ones only counted.
 */
import { createEngine } from '../../engine/createEngine.js'
import type { RuleSet } from '../../capabilities.js'
import type { RoutingModelFile } from '../../routing/learned/schema.js'
import { answerChanges, type ChangeKind, type FileChanges } from '../../routing/learned/answerChanges.js'

const KIND: Record<ChangeKind, string> = {
  rightToWrong: '对→错 right→wrong',
  wrongToRight: '错→对 wrong→right',
  wrongToWrong: '错→错 wrong→wrong',
}

/** The changes, or undefined where there was no enabled old model to compare with. */
export function retrainChanges(ruleSet: RuleSet, model: RoutingModelFile): FileChanges[] | undefined {
  const old = ruleSet.routingModel
  if (!old || !old.enabled || !model.enabled) return undefined
  const before = createEngine({ rules: ruleSet })
  const after = createEngine({ rules: { ...ruleSet, routingModel: { ...model, at: old.at } } })
  // A scenario's input is as written in its file: routeComplaintSync validates it (and throws on an invalid one).
  type Input = Parameters<typeof before.routeComplaintSync>[0]
  return answerChanges(ruleSet.scenarios, (input) => before.routeComplaintSync(input as Input), (input) => after.routeComplaintSync(input as Input))
}

export function formatRetrainChanges(changes: FileChanges[] | undefined): string {
  if (changes === undefined) return ''
  const count = changes.reduce((n, f) => n + f.tuned.length + f.frozen.rightToWrong + f.frozen.wrongToRight + f.frozen.wrongToWrong, 0)
  if (count === 0) return '与原来的模型相比，没有测试场景的答案改变 / no scenario answers differently from the old model\n'
  const lines = [
    `与原来的模型相比，${count} 件测试场景的答案改变（同一套规则，只换了模型：模型的把握越过了 leadThreshold）/ ${count} scenario answers differ from the old model's (same rules, only the model differs: its p crossed leadThreshold):`,
  ]
  for (const f of changes) {
    lines.push(`  ${f.file}`)
    for (const c of f.tuned) lines.push(`    ${KIND[c.kind]}：${c.before} → ${c.after}  ${c.scenario.id ?? ''} ${c.scenario.name}（第 ${c.scenario.line} 行 / line ${c.scenario.line}）`)
    const frozen = (Object.keys(KIND) as ChangeKind[]).filter((k) => f.frozen[k] > 0).map((k) => `${KIND[k]} ${f.frozen[k]}`)
    if (frozen.length > 0) lines.push(`    冻结的 frozen：${frozen.join('，')}（只计数，不逐条列出 / counted, not listed）`)
  }
  lines.push('  对→错的，按 README“模型改定主办”复核：规则对而模型错时可在场景所在文件降低阈值并说明，或把 leadThreshold 调高。/ For right→wrong see README, "learned lead".')
  return lines.join('\n') + '\n'
}
