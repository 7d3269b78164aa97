/**
 * The printable report, in the shape a county bureau sends to its government: letterhead, title, period,
 * recipients, the summary paragraph, then one chapter per A4 page with its basis, tables and inline SVG
 * charts. One self-contained file: no script, no stylesheet or font fetched. In the internal report a
 * figure's record ids are in its `title` (hover) and `data-ids`; the JSON output has them all.
 */
import { formatCitation } from '../ruleset/citations.js'
import type { Citation } from '../ruleset/types.js'
import { cellText, chapterNumber, dateZh, escapeHtml as h, percent, rateText, yuan } from './format.js'
import type { ReportChapterId } from './schemas.js'
import { summaryParagraph } from './summaryParagraph.js'
import { barChart, columnChart, trendChart, type Bar } from './svgCharts.js'
import type { Cell, ErrorEntry, ReportSummary, Row, Trend } from './types.js'

const IDS_IN_TITLE = 30

function td(cell: Cell): string {
  const text = h(cellText(cell))
  if (cell.count === null) return `<td class="num suppressed">${text}</td>`
  if (!cell.ids || cell.ids.length === 0) return `<td class="num">${text}</td>`
  const shown = cell.ids.slice(0, IDS_IN_TITLE).join('、') + (cell.ids.length > IDS_IN_TITLE ? ` …共 ${cell.ids.length} 件` : '')
  return `<td class="num" title="${h(shown)}" data-ids="${h(cell.ids.slice(0, IDS_IN_TITLE).join(' '))}">${text}</td>`
}

function table(id: string, head: readonly string[], rows: readonly string[][]): string {
  if (rows.length === 0) return `<p class="empty">（无）</p>`
  return `<table id="${id}"><thead><tr>${head.map((c) => `<th>${h(c)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody></table>`
}

const rowsTable = (id: string, head: string, rows: readonly Row[]) => table(id, [head, '件数'], rows.map((r) => [`<td>${h(r.label)}</td>`, td(r.cell)]))
const bars = (rows: readonly Row[]): Bar[] => rows.map((r) => ({ label: r.label, value: r.cell.count, text: cellText(r.cell) }))
const basisLine = (basis: readonly Citation[]) => `<p class="basis">依据：${basis.map((c) => h(formatCitation(c))).join('；')}</p>`
const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n))

function trendTable(id: string, trends: readonly Trend[]): string {
  return table(id, ['', '上期', '本期', '增加', '增幅'], trends.map((t) => [`<td>${h(t.label)}</td>`, td(t.previous), td(t.current), `<td class="num">${signed(t.change)}</td>`, `<td class="num">${t.relative === null ? '新出现' : percent(t.relative)}</td>`]))
}

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 178mm; color: #111; font: 14px/1.7 'Noto Serif CJK SC','Source Han Serif SC','SimSun',serif; background: #fff; }
header.letterhead { text-align: center; border-bottom: 3px solid #b03a2e; padding: 12px 0 8px; margin-bottom: 18px; }
header.letterhead .bureau { color: #b03a2e; font-size: 28px; letter-spacing: 4px; font-weight: bold; }
h1 { text-align: center; font-size: 22px; margin: 16px 0 6px; }
.meta { text-align: center; color: #333; margin: 0 0 4px; }
.audience { text-align: center; font-size: 12px; color: #666; }
.recipients { margin: 16px 0 8px; }
p.summary { text-indent: 2em; }
section.chapter { break-after: page; page-break-after: always; padding-top: 4px; }
section.chapter:last-of-type { break-after: auto; page-break-after: auto; }
h2 { font-size: 18px; border-left: 5px solid #2f5d8a; padding-left: 8px; margin: 18px 0 4px; }
h3 { font-size: 15px; margin: 14px 0 4px; }
.basis { font-size: 12px; color: #555; margin: 0 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; break-inside: avoid; }
th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; }
th { background: #eef2f6; }
td.num { text-align: right; font-variant-numeric: tabular-nums; width: 8em; }
td.suppressed { color: #666; }
svg.chart { display: block; margin: 6px 0 12px; break-inside: avoid; }
blockquote { margin: 4px 0 8px; padding: 4px 10px; border-left: 3px solid #ccc; color: #333; font-size: 13px; }
.empty { color: #777; }
.note { font-size: 12px; color: #555; }
ol.cites li { font-size: 12px; margin-bottom: 4px; }
@media print { body { max-width: none; } a { color: inherit; text-decoration: none; } }
`

/**
 * Renders the summary as one printable HTML page (A4, one chapter per page).
 * @example
 * writeFileSync('report.html', renderReportHtml(await engine.summarizeRecords(records, { from, to })))
 */
export function renderReportHtml(summary: ReportSummary): string {
  const isPublic = summary.audience === 'public'
  const { counts, handling, hotSpots } = summary
  const body: Record<ReportChapterId, string> = {
    overview:
      `<p class="summary">${h(summaryParagraph(summary))}</p>` +
      columnChart(bars(counts.byMonth).map((b) => ({ ...b, label: b.label.replace(/^\d{4}年/, '') })), { title: '各月件数' }) +
      `<h3>按类型</h3>${rowsTable('by-kind', '类型', counts.byKind)}` +
      `<h3>按渠道</h3>${rowsTable('by-channel', '渠道', counts.byChannel)}` +
      `<h3>分流情况</h3>${rowsTable('by-disposition', '处理方式', counts.byDisposition)}` +
      `<h3>按月份</h3>${rowsTable('by-month', '月份', counts.byMonth)}`,
    handling: table(
      'handling',
      ['项目', '结果'],
      [
        [`<td>${handling.acceptance.deadlineDays}个工作日内受理（已受理及超期未决定的投诉）</td>`, `<td class="num">${h(rateText(handling.acceptance))}</td>`],
        ['<td>超期受理或超期尚未作出决定</td>', td(handling.acceptance.late)],
        ['<td>受理期限未届满、尚未决定</td>', td(handling.acceptance.open)],
        ['<td>不予受理</td>', td(handling.acceptance.refused)],
        ['<td>调解成功率（达成协议 / 调解结束）</td>', `<td class="num">${h(rateText(handling.mediation))}</td>`],
        ['<td>已办结</td>', td(handling.closing.closed)],
        ['<td>平均办结用时（工作日）</td>', `<td class="num">${handling.closing.averageWorkingDays ?? '—'}</td>`],
        ['<td>涉及金额的件数</td>', td(handling.amounts.items)],
        ['<td>争议金额（元）</td>', `<td class="num">${yuan(handling.amounts.disputedYuan)}</td>`],
        ['<td>为消费者挽回经济损失（元）</td>', `<td class="num">${yuan(handling.amounts.recoveredYuan)}</td>`],
        [`<td>截至${dateZh(summary.period.to)}超过法定期限的件</td>`, td(handling.overdue.total)],
      ],
    ),
    sections:
      barChart(bars(counts.bySection), { title: '各主办股室件数' }) +
      rowsTable('by-section', '主办股室', counts.bySection) +
      (isPublic
        ? ''
        : `<h3>期限与督办（截至${dateZh(summary.period.to)}）</h3>` +
          table(
            'overdue-by-section',
            ['承办股室', '件数', '未办结', '超期', '达到的督办级别'],
            handling.overdue.bySection.map((s) => [`<td>${h(s.section.name)}</td>`, td(s.items), td(s.open), td(s.overdue), `<td>${s.levels.map((l) => `第${l.level}级 ${h(cellText(l.cell))} 件`).join('；') || '—'}</td>`]),
          )),
    'hot-spots':
      barChart(bars(counts.byCategory.slice(0, summary.settings.topCount)), { title: '各类别件数', color: '#4a7d4a' }) +
      `<h3>商品和服务类别</h3>${rowsTable('by-category', '类别', counts.byCategory)}` +
      (summary.compareWith
        ? trendChart(
            [...hotSpots.risingCategories, ...hotSpots.risingTerms].map((t) => ({ label: t.label, previous: { label: '', value: t.previous.count, text: cellText(t.previous) }, current: { label: '', value: t.current.count, text: cellText(t.current) } })),
            { title: '上升的热点（类别与问题）' },
          ) +
          `<h3>上升的类别（本期不少于${summary.settings.minTrendCount}件）</h3>${trendTable('rising-categories', hotSpots.risingCategories)}` +
          `<h3>上升的问题</h3>${trendTable('rising-terms', hotSpots.risingTerms)}`
        : '<p class="note">未指定比较期，不计算上升热点。</p>') +
      `<h3>反复出现的问题（至少${summary.settings.minRecurringMonths}个月份出现）</h3>` +
      table('recurring-terms', ['问题', '件数', '出现月份数'], hotSpots.recurringTerms.map((t) => [`<td>${h(t.term)}</td>`, td(t.cell), `<td class="num">${t.months}</td>`])) +
      `<h3>被投诉、举报较多的经营者</h3>` +
      (isPublic && !summary.settings.nameBusinessesPublicly ? '<p class="note">按本局设置，公开版不列经营者名称。</p>' : '') +
      table('businesses', ['名次', '经营者', '件数'], hotSpots.businesses.map((b) => [`<td class="num">${b.rank}</td>`, `<td>${h(b.name ?? '（不公开）')}</td>`, td(b.cell)])) +
      (hotSpots.examples.length ? `<h3>典型问题摘录</h3>${hotSpots.examples.map((e) => `<blockquote><b>${h(e.category)}</b>：${h(e.text)}${e.id ? `（${h(e.id)}）` : ''}</blockquote>`).join('')}` : ''),
    appendix:
      `<h3>未能统计的记录</h3>` +
      (isPublic
        ? table('errors', ['原因代码', '条数'], (summary.errors as { code: string; count: number }[]).map((e) => [`<td>${h(e.code)}</td>`, `<td class="num">${e.count}</td>`]))
        : table('errors', ['序号', '行', '件号', '代码', '说明'], (summary.errors as ErrorEntry[]).map((e) => [`<td class="num">${e.index}</td>`, `<td class="num">${e.line ?? ''}</td>`, `<td>${h(e.id ?? '')}</td>`, `<td>${h(e.code)}</td>`, `<td>${h(e.message)}</td>`]))) +
      `<h3>统计口径</h3><p class="note">共读入 ${summary.totals.read} 条记录：统计期内 ${h(cellText(summary.totals.inPeriod))} 件${summary.totals.compared ? `，比较期内 ${h(cellText(summary.totals.compared))} 件` : ''}，不在统计期内 ${summary.totals.outside} 件，未能统计 ${summary.totals.errors} 条。期限按工作日日历计算，截至统计期最后一日。上升热点：本期不少于 ${summary.settings.minTrendCount} 件且多于上期。${isPublic ? `本公开版不含件号和任何举报人、投诉人信息；引用文字中的姓名、电话、证件号码、银行卡号、住址已遮盖；少于 ${summary.settings.smallCellThreshold} 件的格子显示为“&lt;${summary.settings.smallCellThreshold}”。` : '本版为内部版：每个数字的件号见各格的提示和 JSON 输出，不得对外公开。'}</p>` +
      `<h3>依据条文</h3><ol class="cites">${uniqueCitations(summary.chapters.flatMap((c) => c.basis)).map((c) => `<li><b>${h(formatCitation(c))}</b> ${h(c.text)}</li>`).join('')}</ol>`,
  }
  const chapters = summary.chapters
    .map((c, i) => `<section class="chapter" id="chapter-${c.id}"><h2>${chapterNumber(i)}、${h(c.title)}</h2>${basisLine(c.basis)}${body[c.id]}</section>`)
    .join('\n')
  const title = `${summary.title}`
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(summary.bureau + title)}</title><style>${STYLE}</style></head>
<body data-audience="${summary.audience}">
<header class="letterhead"><div class="bureau">${h(summary.bureau)}</div></header>
<h1>${h(title)}</h1>
<p class="meta">统计期：${dateZh(summary.period.from)}至${dateZh(summary.period.to)}${summary.compareWith ? `（比较期：${dateZh(summary.compareWith.from)}至${dateZh(summary.compareWith.to)}）` : ''}</p>
<p class="audience">${isPublic ? '公开版' : '内部版（含件号，不得公开）'}</p>
<p class="recipients">${h(summary.recipients.join('，'))}：</p>
${chapters}
</body></html>
`
}

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>()
  return citations.filter((c) => {
    const key = `${c.doc}:${c.seq}:${c.item ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
