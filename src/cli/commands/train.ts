/**
 * `xiaobao train [rules-dir]`: trains the learned fallback on the folder's route scenarios (frozen ones
 * dropped first) and writes rules-dir/learned/routing-model.yaml. An existing file's `enabled: false` is kept.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { safeLoadRuleSet } from '../../node/loadRuleSet.js'
import { readRuleFolder } from '../../node/readRuleFiles.js'
import { parseRuleSet } from '../../capabilities.js'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { trainRoutingModel } from '../../routing/learned/trainRoutingModel.js'
import { renderRoutingModel } from '../../routing/learned/renderModel.js'
import { write, type CliIo } from '../io.js'

export const trainHelp = `xiaobao train [rules-dir]
  用规则目录里已标注的测试场景（冻结的 frozen: true 不用）训练“学得的分办”，写出 rules-dir/learned/routing-model.yaml。
  改了测试场景后运行；xiaobao lint 会提示模型过期。只在规则兜底时使用，结果为 low，须人工复核。
  Train the learned fallback on the folder's labelled scenarios (frozen ones never used) and write
  rules-dir/learned/routing-model.yaml. Run it after changing scenarios; xiaobao lint warns when it is stale.`

export const MODEL_FILE = join('learned', 'routing-model.yaml')

export async function trainCommand(rulesDir: string, io: CliIo): Promise<number> {
  let loaded = await safeLoadRuleSet(rulesDir)
  // A model file that no longer loads (hand-edited, corrupt) is what `train` replaces: the rest is loaded without it.
  if (!loaded.ok && loaded.issues.every((i) => i.file === MODEL_FILE.replaceAll('\\', '/'))) {
    const folder = await readRuleFolder(rulesDir)
    if (folder.issues.length === 0) loaded = parseRuleSet(folder.files.filter((f) => f.path !== MODEL_FILE.replaceAll('\\', '/')))
  }
  if (!loaded.ok) throw new XiaobaoError(loaded.issues)
  const ruleSet = loaded.value
  const path = join(rulesDir, MODEL_FILE)
  const enabled = ruleSet.routingModel ? ruleSet.routingModel.enabled : !(await readFile(path, 'utf8').then((t) => /^enabled:\s*false\s*$/m.test(t), () => false))
  const { model, thresholdChoice } = trainRoutingModel(ruleSet, { enabled })
  await mkdir(join(rulesDir, 'learned'), { recursive: true })
  await writeFile(path, renderRoutingModel(model))
  const bands = thresholdChoice ? thresholdChoice.bands.filter((b) => b.total > 0).map((b) => `${b.from}: ${b.right}/${b.total}`).join(', ') : ''
  await write(
    io.stdout,
    `${path}\n训练场景 trained on ${model.trainedOn.scenarios}（冻结的 ${model.trainedOn.frozenExcluded} 个未用 / frozen left out），类别 classes ${model.classes.length}，` +
      `特征 features ${model.features === '' ? 0 : model.features.split('|').length}，阈值 threshold ${model.threshold}${bands ? `（交叉验证 cross-validation: ${bands}）` : ''}` +
      `${model.enabled ? '' : '，已停用 / disabled (enabled: false)'}\n`,
  )
  return 0
}
