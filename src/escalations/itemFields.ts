/**
 * Which item fields a rule file may name where, and the messages when it names another. Shared by the
 * deadline and escalation file kinds.
 */
import type { Issue } from '../problems/issue.js'
import type { KindContext } from '../ruleset/capability.js'
import type { DeadlineId } from './schemas.js'
import { ITEM_FIELDS, type FieldKind, type ItemType } from './trackedItems.js'

/** The item type each deadline of the contract belongs to. */
export const DEADLINE_ITEM_TYPE: Record<DeadlineId, ItemType> = {
  'complaint-acceptance': 'complaint',
  mediation: 'complaint',
  'mediation-end-notice': 'complaint',
  'report-verification': 'report',
  'reporter-notice': 'report',
  'meeting-task': 'meeting-task',
}

const KIND_ZH: Record<FieldKind, string> = { events: '事件日期', dues: '期限日期', flags: 'true/false 字段', counts: '工作日数字段' }
const KIND_EN: Record<FieldKind, string> = { events: 'event date', dues: 'due date', flags: 'true/false field', counts: 'day-count field' }

/** Fields of `kinds` that every one of `types` has. */
export function fieldsOf(types: readonly ItemType[], kinds: readonly FieldKind[]): string[] {
  const [first, ...rest] = types
  if (!first) return []
  const of = (type: ItemType) => kinds.flatMap((kind) => ITEM_FIELDS[type][kind] as readonly string[])
  return of(first).filter((field) => rest.every((type) => of(type).includes(field)))
}

/** `unknown_item_field` when `field` is not one of `kinds` on every type in `types`. */
export function checkField(
  ctx: KindContext,
  field: string | undefined,
  types: readonly ItemType[],
  kinds: readonly FieldKind[],
  path: (string | number)[],
): Issue[] {
  if (field === undefined) return []
  const allowed = fieldsOf(types, kinds)
  if (allowed.includes(field)) return []
  const what = kinds.map((k) => KIND_ZH[k]).join('或')
  const whatEn = kinds.map((k) => KIND_EN[k]).join(' or ')
  const typeList = types.join('、')
  return [
    ctx.issueAt(
      path,
      'unknown_item_field',
      `"${field}" 不是 ${typeList} 事项的${what}；这里可用：${allowed.join('、') || '（无）'}。字段见 computeEscalations 的输入说明。`,
      `"${field}" is not a ${whatEn} of ${types.join(', ')} items; allowed here: ${allowed.join(', ') || '(none)'}. See the input of computeEscalations.`,
    ),
  ]
}
