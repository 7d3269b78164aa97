/**
 * `xiaobao train [rules-dir]`: trains the learned review model on the folder's route scenarios (frozen ones
 * dropped first) and writes rules-dir/learned/routing-model.yaml. An existing file's `enabled: false` is
 * kept, and so is its threshold when legal staff raised it above the cross-validated one, its leadThreshold,
 * unsureLeadThreshold and learnedReject.
 * Last, it lists the labelled answers the new model changes against the old one (trainChanges.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { safeLoadRuleSet } from '../../node/loadRuleSet.js'
import { readRuleFolder } from '../../node/readRuleFiles.js'
import { parseRuleSet } from '../../capabilities.js'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { trainRoutingModel } from '../../routing/learned/trainRoutingModel.js'
import { renderRoutingModel } from '../../routing/learned/renderModel.js'
import { keepSettings } from '../../routing/learned/keepSettings.js'
import { write, type CliIo } from '../io.js'
import { formatRetrainChanges, retrainChanges } from './trainChanges.js'

export const trainHelp = `xiaobao train [rules-dir]
  用规则目录里已标注的测试场景（冻结的 frozen: true 不用）训练“相似来件的复核提示”，写出 rules-dir/learned/routing-model.yaml。
  改了测试场景后运行；xiaobao lint 会提示模型过期。相似来件多有不同结果时提示 similar_cases_differ；规则已受理而模型很有把握
  （leadThreshold）是另一个股室时，改由该股室主办（learned_lead）；文件写了 learnedReject 时，规则把握不大而模型很有把握是不予受理的，
  改为不予受理（learned_reject）。都要人工复核；不写 learnedReject，受理与否从不改变。
  Train the learned review model on the folder's labelled scenarios (frozen ones never used) and write
  rules-dir/learned/routing-model.yaml. Run it after changing scenarios; xiaobao lint warns when it is stale.
  It warns (similar_cases_differ) where similar labelled cases mostly got another answer; where the rules route and it is
  sure (leadThreshold) of another section, that section leads (learned_lead); with learnedReject in the file, where the rules
  are unsure and it is sure of reject, the matter is not accepted (learned_reject). All ask for review; without
  learnedReject, acceptance never changes.
  最后列出与原来的模型相比答案改变的测试场景（冻结的只计数）。/ Last, it lists the scenarios whose answer the new model changes
  (frozen ones only counted).`

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
  // Where the file no longer loads, the settings that decide what is trained are read from its text (parsed leniently:
  // YAML errors elsewhere in a hand-edited file do not lose them): `enabled: false` and the skipChars (characters whose
  // grams are not learned).
  const fromText = ruleSet.routingModel ? undefined : await readFile(path, 'utf8').then(settingsFromText, () => undefined)
  const enabled = ruleSet.routingModel ? ruleSet.routingModel.enabled : fromText?.enabled !== false
  const skipChars = ruleSet.routingModel ? ruleSet.routingModel.hyper.skipChars : fromText?.skipChars
  const { model, thresholdChoice } = trainRoutingModel(ruleSet, { enabled, ...(skipChars !== undefined ? { skipChars } : {}) })
  const { raised } = keepSettings(model, ruleSet.routingModel)
  const changes = retrainChanges(ruleSet, model)
  await mkdir(join(rulesDir, 'learned'), { recursive: true })
  await writeFile(path, renderRoutingModel(model))
  const bands = thresholdChoice ? thresholdChoice.bands.filter((b) => b.total > 0).map((b) => `${b.from}: ${b.right}/${b.total}`).join(', ') : ''
  await write(
    io.stdout,
    `${path}\n训练场景 trained on ${model.trainedOn.scenarios}（冻结的 ${model.trainedOn.frozenExcluded} 个未用 / frozen left out），类别 classes ${model.classes.length}，` +
      `特征 features ${model.features === '' ? 0 : model.features.split('|').length}，阈值 threshold ${model.threshold}${raised !== undefined ? '（沿用文件里调高的 / kept, raised in the file）' : ''}${bands ? `（交叉验证 cross-validation: ${bands}）` : ''}` +
      `，改由模型定主办 lead threshold ${model.leadThreshold === false ? 'false（从不 / never）' : model.leadThreshold}` +
      `${model.enabled ? '' : '，已停用 / disabled (enabled: false)'}\n` +
      formatRetrainChanges(changes),
  )
  return 0
}

/** `enabled` and `hyper.skipChars` from a model file's text that does not load, when they are there and of the right type. */
function settingsFromText(text: string): { enabled?: boolean; skipChars?: string } {
  const doc = parseDocument(text)
  const enabled = doc.getIn(['enabled'])
  const skipChars = doc.getIn(['hyper', 'skipChars'])
  return {
    ...(typeof enabled === 'boolean' ? { enabled } : {}),
    ...(typeof skipChars === 'string' && skipChars !== '' ? { skipChars } : {}),
  }
}
