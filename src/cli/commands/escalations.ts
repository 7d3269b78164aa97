/**
 * `xiaobao escalations items.json --as-of 2026-10-20`: every tracked item's deadlines as of a review
 * date, as a table by section, most overdue first (or `--json`: the entries of `computeEscalations`).
 */
import { readFile } from 'node:fs/promises'
import type { Engine } from '../../engine/createEngine.js'
import type { EscalationAction, EscalationEntry } from '../../escalations/types.js'
import { formatCitation } from '../../ruleset/citations.js'
import type { SectionId } from '../../sections.js'
import { fileError, write, type CliIo } from '../io.js'
import { readText } from '../ndjson.js'

export const escalationsHelp = `xiaobao escalations items.json|- --as-of YYYY-MM-DD [--provisional] [--json] [--rules DIR]
  按工作日计算各件投诉、举报、联席会议议定事项的期限、状态和督办级别，按股室列出，超期最久的在前。
  Each tracked item's deadlines as of a review date: due date, status, working days late, the level of
  the escalation ladder and who must act — a table by section, most overdue first.
  items.json    事项列表（JSON 数组，或 { "items": [...] }）；- 为标准输入 / a JSON array of items; - for stdin
  --as-of DATE  复核日期（必填）；此后发生的事件视为尚未发生 / the review date (required)
  --provisional 允许使用暂定日历（尚无放假通知的年份，结果标明“暂定”）/ accept provisional calendar years
  --json        输出 computeEscalations 的结果 / print the entries as JSON
  --rules DIR   使用该目录的规则（默认：内置规则）/ rules folder (default: bundled rules)
  退出码 / exit: 0 成功 done, 2 输入有误或日历未覆盖 bad input or calendar not covered`

const MAX_INPUT_BYTES = 64 * 1024 * 1024

const STATUS_ZH: Record<EscalationEntry['status'], string> = { overdue: '超期', 'due-soon': '临近', pending: '未到期', 'met-late': '逾期办结', met: '按期办结' }
const STATUS_RANK: Record<EscalationEntry['status'], number> = { overdue: 0, 'due-soon': 1, pending: 2, 'met-late': 3, met: 4 }

/** Columns line up in a terminal: CJK characters are two columns wide. */
function width(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}
const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)))

function actorName(actor: EscalationAction['actor']): string {
  if (actor === 'convener') return '联席会议召集人'
  if (actor === 'joint-meeting-office') return '联席会议办公室（消保股）'
  return actor.name
}

/** Most overdue first: overdue by working days late, then due-soon, pending, met-late, met; then by due date. */
export function compareEntries(a: EscalationEntry, b: EscalationEntry): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    (a.status === 'overdue' ? (b.workingDaysLate ?? 0) - (a.workingDaysLate ?? 0) : 0) ||
    (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
    b.level - a.level ||
    (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0)
  )
}

/** The table a clerk reads: one block per section, the section with the most overdue item first. */
export function formatEscalationTable(engine: Pick<Engine, 'ruleSet'>, entries: EscalationEntry[], sectionOf: ReadonlyMap<string, string>, asOf: string): string {
  const bySection = new Map<string, EscalationEntry[]>()
  for (const entry of entries) {
    const section = sectionOf.get(entry.itemId) ?? '?'
    const list = bySection.get(section) ?? []
    list.push(entry)
    bySection.set(section, list)
  }
  for (const list of bySection.values()) list.sort(compareEntries)
  const sections = [...bySection.entries()].sort(([, a], [, b]) => compareEntries(a[0]!, b[0]!))
  const count = (status: EscalationEntry['status']) => entries.filter((e) => e.status === status).length
  const lines = [
    `截至 ${asOf}：${entries.length} 个期限，超期 ${count('overdue')}，临近 ${count('due-soon')}，未到期 ${count('pending')}，逾期办结 ${count('met-late')}，按期办结 ${count('met')}`,
    `As of ${asOf}: ${entries.length} deadlines; ${count('overdue')} overdue, ${count('due-soon')} due soon, ${count('pending')} pending, ${count('met-late')} met late, ${count('met')} met`,
  ]
  const names = new Map((engine.ruleSet.deadlines?.deadlines ?? []).map((d) => [d.id, d.name.zh]))
  const header = [pad('状态', 10), pad('件号', 16), pad('期限', 22), pad('到期日', 12), pad('逾期工作日', 12), pad('级别', 6), '下次复核'].join('')
  for (const [section, list] of sections) {
    const name = engine.ruleSet.sections[section as SectionId]?.name ?? section
    lines.push('', `${name}（${section}）`, `  ${header}`)
    for (const entry of list) {
      const late = entry.workingDaysLate !== undefined ? String(entry.workingDaysLate) : ''
      lines.push(
        '  ' +
          [
            pad(STATUS_ZH[entry.status], 10),
            pad(entry.itemId, 16),
            pad(names.get(entry.deadline) ?? entry.deadline, 22),
            pad(entry.dueOn + (entry.provisional ? '*' : ''), 12),
            pad(late, 12),
            pad(String(entry.level), 6),
            entry.nextReviewOn !== undefined ? entry.nextReviewOn + (entry.nextReviewProvisional ? '*' : '') : entry.nextReviewNeedsYear !== undefined ? `待${entry.nextReviewNeedsYear}年通知` : '',
          ]
            .join('')
            .trimEnd(),
      )
      for (const action of entry.actions) lines.push(`      → ${actorName(action.actor)} [${action.code}] ${action.message}`)
      if (entry.actions.length && entry.basis.length) lines.push(`        依据：${entry.basis.map(formatCitation).join('；')}`)
    }
  }
  if (entries.some((e) => e.provisional || e.nextReviewProvisional)) {
    lines.push('', '* 暂定：该日期用到尚无放假通知的年份，按《全国年节及纪念日放假办法》的法定节日估算，不含补假和调休；通知发布后请添加 rules/calendar/<年>.yaml 重新计算。', '* provisional: the date needs a year no notice covers yet; add rules/calendar/<year>.yaml once it is published.')
  }
  return lines.join('\n') + '\n'
}

async function readItems(file: string, io: CliIo): Promise<{ ok: true; value: unknown } | { ok: false }> {
  let text = ''
  try {
    // Decoded as a stream (a character straddling two chunks stays whole); strict UTF-8, BOM dropped.
    text = await readText(file === '-' ? (io.stdin as AsyncIterable<Buffer>) : [await readFile(file)])
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      io.stderr.write(`错误 [invalid_encoding] ${file} 不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 / ${file} is not UTF-8 (GBK, perhaps); save it as UTF-8\n`)
      return { ok: false }
    }
    throw fileError(error, file, 'read') ?? error
  }
  if (text.length > MAX_INPUT_BYTES) {
    io.stderr.write(`错误 [input_too_large] ${file} 超过 64 MB，请分批 / over 64 MB; split it\n`)
    return { ok: false }
  }
  try {
    const value: unknown = JSON.parse(text)
    const items = Array.isArray(value) ? value : value !== null && typeof value === 'object' && 'items' in value ? (value as { items: unknown }).items : value
    return { ok: true, value: items }
  } catch (error) {
    io.stderr.write(`错误 [invalid_json] ${file} 不是合法的 JSON / is not valid JSON: ${(error as Error).message}\n`)
    return { ok: false }
  }
}

export async function escalationsCommand(
  engine: Engine,
  file: string | undefined,
  io: CliIo,
  options: { asOf?: string; provisional: boolean; json: boolean },
): Promise<number> {
  if (file === undefined || options.asOf === undefined) {
    io.stderr.write(`${file === undefined ? '缺少事项文件 / missing the items file' : '缺少 --as-of 复核日期 / missing --as-of'}\n\n${escalationsHelp}\n`)
    return 2
  }
  const read = await readItems(file, io)
  if (!read.ok) return 2
  const entries = await engine.computeEscalations(read.value as never, { asOf: options.asOf, ...(options.provisional ? { provisional: true } : {}) })
  if (options.json) {
    await write(io.stdout, JSON.stringify(entries, null, 2) + '\n')
    return 0
  }
  const sectionOf = new Map((read.value as { id: string; section: string }[]).map((item) => [item.id, item.section]))
  await write(io.stdout, formatEscalationTable(engine, entries, sectionOf, options.asOf))
  return 0
}
