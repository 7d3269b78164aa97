/**
 * The report as Markdown, for pasting into a document: the same chapters, paragraph and tables as the
 * HTML, without charts. In the internal report each figure's ids follow in a footnote-style list.
 */
import { formatCitation } from '../ruleset/citations.js'
import { cellText, chapterNumber, dateZh, escapeMarkdown as m, percent, rateText, yuan } from './format.js'
import type { ReportChapterId } from './schemas.js'
import { summaryParagraph } from './summaryParagraph.js'
import type { Cell, ErrorEntry, ReportSummary, Row, Trend } from './types.js'

const table = (head: readonly string[], rows: readonly string[][]) =>
  rows.length === 0 ? '（无）\n' : [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.map(m).join(' | ')} |`)].join('\n') + '\n'
const c = (cell: Cell) => cellText(cell)
const rowsTable = (head: string, rows: readonly Row[]) => table([head, '件数'], rows.map((r) => [r.label, c(r.cell)]))
const trendTable = (trends: readonly Trend[]) => table(['', '上期', '本期', '增加', '增幅'], trends.map((t) => [t.label, c(t.previous), c(t.current), t.change === null ? '—' : String(t.change), t.relative === null ? '新出现' : percent(t.relative)]))

/**
 * @example
 * process.stdout.write(renderReportMarkdown(summary))
 */
export function renderReportMarkdown(summary: ReportSummary): string {
  const isPublic = summary.audience === 'public'
  const { counts, handling, hotSpots } = summary
  const body: Record<ReportChapterId, string> = {
    overview: `${summaryParagraph(summary)}\n\n### 按类型\n\n${rowsTable('类型', counts.byKind)}\n### 按渠道\n\n${rowsTable('渠道', counts.byChannel)}\n### 分流情况\n\n${rowsTable('处理方式', counts.byDisposition)}\n### 按月份\n\n${rowsTable('月份', counts.byMonth)}`,
    handling: table(
      ['项目', '结果'],
      [
        [`${handling.acceptance.deadlineDays}个工作日内受理`, rateText(handling.acceptance)],
        ['超期受理或超期尚未作出决定', c(handling.acceptance.late)],
        ['受理期限未届满、尚未决定', c(handling.acceptance.open)],
        ['不予受理', c(handling.acceptance.refused)],
        ['调解成功率', rateText(handling.mediation)],
        ['已办结', c(handling.closing.closed)],
        ['平均办结用时（工作日）', String(handling.closing.averageWorkingDays ?? '—')],
        ['争议金额（元）', yuan(handling.amounts.disputedYuan)],
        ['为消费者挽回经济损失（元）', yuan(handling.amounts.recoveredYuan)],
        [`截至${dateZh(summary.period.to)}超期的件`, c(handling.overdue.total)],
      ],
    ),
    sections:
      rowsTable('主办股室', counts.bySection) +
      (isPublic ? '' : `\n### 期限与督办\n\n${table(['承办股室', '件数', '未办结', '超期', '督办级别'], handling.overdue.bySection.map((s) => [s.section.name, c(s.items), c(s.open), c(s.overdue), s.levels.map((l) => `第${l.level}级 ${c(l.cell)} 件`).join('；') || '—']))}`),
    'hot-spots':
      `### 商品和服务类别\n\n${rowsTable('类别', counts.byCategory)}\n` +
      (summary.compareWith ? `### 上升的类别\n\n${trendTable(hotSpots.risingCategories)}\n### 上升的问题\n\n${trendTable(hotSpots.risingTerms)}\n` : '未指定比较期，不计算上升热点。\n\n') +
      `### 反复出现的问题\n\n${table(['问题', '件数', '月份数'], hotSpots.recurringTerms.map((t) => [t.term, c(t.cell), String(t.months)]))}\n` +
      `### 被投诉、举报较多的经营者\n\n${table(['名次', '经营者', '件数'], hotSpots.businesses.map((b) => [String(b.rank), b.name ?? '（不公开）', c(b.cell)]))}` +
      (hotSpots.examples.length ? `\n### 典型问题摘录\n\n${hotSpots.examples.map((e) => `> **${e.category}**：${e.text}${e.id ? `（${e.id}）` : ''}`).join('\n>\n')}\n` : ''),
    appendix:
      `### 未能统计的记录\n\n` +
      (isPublic
        ? table(['原因代码', '条数'], (summary.errors as { code: string; count: number }[]).map((e) => [e.code, String(e.count)]))
        : table(['序号', '行', '件号', '代码', '说明'], (summary.errors as ErrorEntry[]).map((e) => [String(e.index), e.line === undefined ? '' : String(e.line), e.id ?? '', e.code, e.message]))) +
      `\n共读入 ${summary.totals.read} 条；统计期内 ${c(summary.totals.inPeriod)} 件，不在统计期内 ${summary.totals.outside} 件，未能统计 ${summary.totals.errors} 条。` +
      (isPublic ? `公开版不含件号和个人信息；少于 ${summary.settings.smallCellThreshold} 件显示为“<${summary.settings.smallCellThreshold}”。\n` : '内部版，含件号，不得公开。\n'),
  }
  const out = [
    `# ${summary.bureau}${summary.title}`,
    '',
    `统计期：${dateZh(summary.period.from)}至${dateZh(summary.period.to)}${summary.compareWith ? `（比较期：${dateZh(summary.compareWith.from)}至${dateZh(summary.compareWith.to)}）` : ''}　${isPublic ? '公开版' : '内部版'}`,
    '',
    `${summary.recipients.join('，')}：`,
    '',
  ]
  summary.chapters.forEach((chapter, i) => {
    out.push(`## ${chapterNumber(i)}、${chapter.title}`, '', `*依据：${chapter.basis.map(formatCitation).join('；')}*`, '', body[chapter.id])
  })
  if (!isPublic) out.push('## 件号 / Record ids', '', ...idLines(summary), '')
  return out.join('\n')
}

const IDS_PER_LINE = 50

/** Each table's ids, so the Markdown stays traceable without cluttering the tables. */
function idLines(summary: ReportSummary): string[] {
  const lines: string[] = []
  const add = (what: string, cell: Cell) => {
    if (cell.count === null || !cell.ids || cell.ids.length === 0) return
    const more = cell.ids.length > IDS_PER_LINE ? ` …（全部件号见 --json / all ids in the JSON）` : ''
    lines.push(`- ${what}（${cell.count}）：${cell.ids.slice(0, IDS_PER_LINE).join('、')}${more}`)
  }
  for (const [name, rows] of [['类型', summary.counts.byKind], ['类别', summary.counts.byCategory], ['主办股室', summary.counts.bySection]] as const) {
    for (const r of rows) add(`${name} ${r.label}`, r.cell)
  }
  add('超期', summary.handling.overdue.total)
  return lines
}
