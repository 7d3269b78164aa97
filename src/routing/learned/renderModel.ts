/** The model file's text (rules/learned/routing-model.yaml), as `xiaobao train` writes it: the same model, the same bytes. */
import { stringify } from 'yaml'
import type { RoutingModelFile } from './schema.js'

const HEADER = `# yaml-language-server: $schema=../schemas/routing-model.schema.json
# 相似来件的复核提示（由 xiaobao train 生成，不要手改权重）：规则作出决定后，按本局已标注的测试场景的文字给来件打分；
# 模型的首选（股室或不予受理）概率不低于 threshold、又与决定不同时，提示 similar_cases_differ，置信度为 low，请人工复核。
# 规则已受理、模型的首选是另一个股室且概率不低于 leadThreshold 时，改由该股室主办（规则的主办股室改为协办），提示
# learned_lead，置信度为 low，请人工复核；规则自己把握不大（置信度 low）时，门槛是 unsureLeadThreshold。它从不改变受理与否。移送看被投诉人所在县，不比较。冻结的场景（frozen: true）
# 不参与训练。改了测试场景后运行 xiaobao train（xiaobao lint 会提示模型过期）。可调高 threshold、leadThreshold、unsureLeadThreshold；
# leadThreshold 改为 false：模型从不改变决定；停用：把 enabled 改为 false（xiaobao train 都会保留）。见 README“相似来件的复核提示”。
# The learned review model (written by xiaobao train): where the model's answer has p >= threshold and differs from the
# decision's, it warns similar_cases_differ (confidence low); where the rules route and its answer is another section
# with p >= leadThreshold (unsureLeadThreshold where the rules' own decision is low-confidence), that section leads and
# the rules' lead assists (learned_lead, confidence low). It never
# changes whether a matter is accepted. Frozen scenarios are never used. Raise either threshold, set leadThreshold:
# false (never change a decision) or enabled: false (all kept by xiaobao train).
`

export function renderRoutingModel(model: RoutingModelFile): string {
  return HEADER + stringify(model, { lineWidth: 0, minContentWidth: 0 })
}
