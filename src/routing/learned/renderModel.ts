/** The model file's text (rules/learned/routing-model.yaml), as `xiaobao train` writes it: the same model, the same bytes. */
import { stringify } from 'yaml'
import type { RoutingModelFile } from './schema.js'

const HEADER = `# yaml-language-server: $schema=../schemas/routing-model.schema.json
# 相似来件的复核提示（由 xiaobao train 生成，不要手改权重）：规则作出决定后，按本局已标注的测试场景的文字给来件打分；
# 模型的首选（股室或不予受理）概率不低于 threshold、又与决定不同时，提示 similar_cases_differ，置信度为 low，请人工复核。
# 规则已受理、模型的首选是另一个股室且概率不低于 leadThreshold 时，改由该股室主办（规则的主办股室改为协办），提示
# learned_lead，置信度为 low，请人工复核；规则自己把握不大（置信度 low）时，门槛是 unsureLeadThreshold。
# 写了 learnedReject 时：规则已受理但自己把握不大、没有不属本局的规则让位、模型的首选是不予受理且概率不低于它的 threshold，
# 改为不予受理（理由、告知和条文取 learnedReject.rules 写明的筛查规则），提示 learned_reject，置信度为 low，请人工复核。
# 不写 learnedReject，模型从不改变受理与否。移送看被投诉人所在县，不比较。冻结的场景（frozen: true）
# 不参与训练。改了测试场景后运行 xiaobao train（xiaobao lint 会提示模型过期）。可调高 threshold、leadThreshold、unsureLeadThreshold；
# leadThreshold 改为 false：模型从不改变主办；停用：把 enabled 改为 false（xiaobao train 都会保留，learnedReject 也保留）。见 README“相似来件的复核提示”。
# The learned review model (written by xiaobao train): where the model's answer has p >= threshold and differs from the
# decision's, it warns similar_cases_differ (confidence low); where the rules route and its answer is another section
# with p >= leadThreshold (unsureLeadThreshold where the rules' own decision is low-confidence), that section leads and
# the rules' lead assists (learned_lead, confidence low). With learnedReject written: where the rules route with low
# confidence, no out-of-scope rule gave way, and its answer is reject with p >= learnedReject.threshold, the matter is not
# accepted with the texts and citations of the screening rule learnedReject.rules names (learned_reject, confidence low).
# Without learnedReject it never changes whether a matter is accepted. Frozen scenarios are never used. Raise either
# threshold, set leadThreshold: false (never change the lead) or enabled: false (all kept by xiaobao train, and so is
# learnedReject).
`

/** The weights last (long lines nobody reads), the settings legal staff may change before them. */
const LAST = ['scale', 'bias', 'features', 'weights'] as const

export function renderRoutingModel(model: RoutingModelFile): string {
  const ordered: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(model)) if (!(LAST as readonly string[]).includes(key)) ordered[key] = value
  for (const key of LAST) if (key in model) ordered[key] = model[key]
  return HEADER + stringify(ordered, { lineWidth: 0, minContentWidth: 0 })
}
