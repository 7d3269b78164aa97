/** The model file's text (rules/learned/routing-model.yaml), as `xiaobao train` writes it: the same model, the same bytes. */
import { stringify } from 'yaml'
import type { RoutingModelFile } from './schema.js'

const HEADER = `# yaml-language-server: $schema=../schemas/routing-model.schema.json
# 学得的分办（由 xiaobao train 生成，不要手改）：没有规则命中具体股室、只能兜底或按类别分办时，按本局已标注的
# 测试场景的文字推测主办股室。只在兜底时用，结果一律为 low 并提示 learned_lead，请人工复核；从不据此不予受理或移送。
# 冻结的场景（frozen: true）不参与训练。改了测试场景后运行 xiaobao train（xiaobao lint 会提示模型过期）。
# 停用：把 enabled 改为 false（xiaobao train 会保留）。见 README“学得的分办”。
# The learned fallback (written by xiaobao train; do not edit): suggests the lead only where the rules fell back,
# always low confidence with a learned_lead warning; never rejects or transfers; frozen scenarios never used.
# Turn it off with enabled: false (kept by xiaobao train).
`

export function renderRoutingModel(model: RoutingModelFile): string {
  return HEADER + stringify(model, { lineWidth: 0, minContentWidth: 0 })
}
