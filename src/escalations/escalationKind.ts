/**
 * The `escalation` rule-file kind (rules/escalation.yaml): the ladder of reminders and overdue measures,
 * each level with its trigger, the deadlines it applies to, who acts, and its basis. Every mistake is
 * reported with `file:line:col`.
 */
import type { Issue } from '../problems/issue.js'
import type { KindContext, RuleFileKind } from '../ruleset/capability.js'
import type { EscalationsRuleSet as RuleSet } from './types.js'
import { isSectionId, SECTION_IDS } from '../sections.js'
import { checkField, DEADLINE_ITEM_TYPE, fieldsOf } from './itemFields.js'
import { placeholdersOf, STANDARD_PLACEHOLDERS } from './messages.js'
import { ACTOR_ROLES, escalationFile, type EscalationFile, type EscalationLevelSpec } from './schemas.js'

/** Where a trigger falls relative to the due date, for ordering levels: before < after due < after another date. */
export function triggerKey(trigger: EscalationLevelSpec['trigger']): [number, number] {
  if (trigger.before !== undefined) return [0, -trigger.before]
  return trigger.relativeTo === undefined ? [1, trigger.after ?? 0] : [2, trigger.after ?? 0]
}

function describeTrigger(trigger: EscalationLevelSpec['trigger']): { zh: string; en: string } {
  if (trigger.before !== undefined) return { zh: `到期前 ${trigger.before} 个工作日`, en: `${trigger.before} working days before the due date` }
  const from = trigger.relativeTo ?? 'dueOn'
  return { zh: `${from} 后 ${trigger.after ?? 0} 个工作日`, en: `${trigger.after ?? 0} working days after ${from}` }
}

function loadEscalation(data: EscalationFile, ruleSet: RuleSet, ctx: KindContext): Issue[] {
  const issues: Issue[] = []
  data.levels.forEach((level, i) => {
    const at = ['levels', i]
    issues.push(...ctx.claimId(level.id, [...at, 'id']))
    issues.push(...ctx.checkCites(level.cites, [...at, 'cites']))
    const types = [...new Set(level.deadlines.map((d) => DEADLINE_ITEM_TYPE[d]))]
    const { before, after, relativeTo } = level.trigger
    if ((before === undefined) === (after === undefined)) {
      issues.push(
        ctx.issueAt(
          [...at, 'trigger'],
          before === undefined ? 'missing_field' : 'invalid_value',
          'trigger 须写 before（到期前几个工作日起）或 after（逾期几个工作日起）之一，且只写一个，如 { before: 2 } 或 { after: 0 }。',
          'trigger needs exactly one of before (working days before the due date) or after (working days overdue), e.g. { before: 2 } or { after: 0 }.',
        ),
      )
    } else if (before !== undefined && relativeTo !== undefined) {
      issues.push(ctx.issueAt([...at, 'trigger', 'relativeTo'], 'invalid_value', 'relativeTo 只能与 after 同用；before 总是从到期日往前数。', 'relativeTo goes with after only; before always counts back from the due date.', { preferKey: true }))
    }
    issues.push(...checkField(ctx, relativeTo, types, ['events', 'dues'], [...at, 'trigger', 'relativeTo']))
    const known = [...STANDARD_PLACEHOLDERS, ...fieldsOf(types, ['events', 'dues']), ...(types.length === 1 && types[0] === 'meeting-task' ? ['meetingId'] : [])]
    level.actions.forEach((action, j) => {
      const actionAt = [...at, 'actions', j]
      if (!isSectionId(action.actor) && !(ACTOR_ROLES as readonly string[]).includes(action.actor)) {
        issues.push(
          ctx.issueAt(
            [...actionAt, 'actor'],
            'unknown_section',
            `未知的执行者 "${action.actor}"。可写股室编号（${SECTION_IDS.join('、')}），或 item-section（该件的承办股室）、convener（联席会议召集人）、joint-meeting-office（联席会议办公室）。`,
            `unknown actor "${action.actor}". Use a section id (${SECTION_IDS.join(', ')}), or item-section, convener, joint-meeting-office.`,
          ),
        )
      }
      issues.push(...checkField(ctx, action.doneWhen, types, ['events'], [...actionAt, 'doneWhen']))
      for (const language of ['zh', 'en'] as const) {
        const unknown = placeholdersOf(action.message[language]).filter((name) => !known.includes(name))
        if (unknown.length) {
          issues.push(
            ctx.issueAt(
              [...actionAt, 'message', language],
              'unknown_fact',
              `说明中的 {${unknown.join('}、{')}} 无从填写；可用：{${known.join('}、{')}}。`,
              `{${unknown.join('}, {')}} in the message names nothing; available: {${known.join('}, {')}}.`,
            ),
          )
        }
      }
    })
  })

  // Per deadline, a higher level must come later: before the due date < overdue < after another date.
  const reported = new Set<number>()
  const deadlineIds = [...new Set(data.levels.flatMap((l) => l.deadlines))]
  for (const deadline of deadlineIds) {
    const levels = data.levels.map((level, index) => ({ level, index })).filter(({ level }) => level.deadlines.includes(deadline))
    for (const a of levels) {
      for (const b of levels) {
        if (a.index >= b.index || reported.has(b.index)) continue
        const [ka, kb] = [triggerKey(a.level.trigger), triggerKey(b.level.trigger)]
        const cmp = ka[0] - kb[0] || ka[1] - kb[1]
        const sameLevel = a.level.level === b.level.level
        const outOfOrder = sameLevel || cmp === 0 || (a.level.level < b.level.level ? cmp > 0 : cmp < 0)
        if (!outOfOrder) continue
        reported.add(b.index)
        const [ta, tb] = [describeTrigger(a.level.trigger), describeTrigger(b.level.trigger)]
        issues.push(
          ctx.issueAt(
            ['levels', b.index, sameLevel ? 'level' : 'trigger'],
            'escalation_trigger_order',
            sameLevel
              ? `期限 ${deadline} 有两个第 ${b.level.level} 级（${a.level.id} 与 ${b.level.id}）。同一期限的各级须级别不同。`
              : `期限 ${deadline} 的级别与触发时间不一致：${a.level.id}（第 ${a.level.level} 级，${ta.zh}）与 ${b.level.id}（第 ${b.level.level} 级，${tb.zh}）。级别越高，触发应越晚（到期前 < 逾期 < 新期限之后）。`,
            sameLevel
              ? `deadline ${deadline} has two level-${b.level.level} entries (${a.level.id} and ${b.level.id}); levels of a deadline must differ.`
              : `levels and triggers disagree for deadline ${deadline}: ${a.level.id} (level ${a.level.level}, ${ta.en}) and ${b.level.id} (level ${b.level.level}, ${tb.en}). A higher level must trigger later (before due < overdue < after another date).`,
          ),
        )
      }
    }
  }

  ruleSet.escalation = {
    title: data.title,
    levels: data.levels.map((level, i) => ({ ...level, at: ctx.at(['levels', i, 'id']) })),
    at: ctx.at(['kind']),
  }
  return issues
}

/** The `escalation` file kind (one file; it refers to the deadlines). */
export const escalationFileKind: RuleFileKind<EscalationFile, RuleSet> = {
  kind: 'escalation',
  schema: escalationFile,
  role: 'refers',
  max: 1,
  load: loadEscalation,
}
