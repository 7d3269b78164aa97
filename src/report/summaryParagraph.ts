/**
 * The summary paragraph in Chinese, written from the figures (never from free text), so the paragraph
 * and the tables cannot disagree.
 */
import { cellText, dateZh, percent, yuan } from './format.js'
import type { ReportSummary, Row } from './types.js'

const rowOf = (rows: readonly Row[], key: string) => rows.find((r) => r.key === key)
const count = (rows: readonly Row[], key: string) => {
  const row = rowOf(rows, key)
  return row ? cellText(row.cell) : '0'
}

/**
 * @example
 * summaryParagraph(summary) // '2026年1月1日至2026年6月30日，XX县市场监督管理局共收到消费维权投诉、举报、咨询150件，…'
 */
export function summaryParagraph(summary: ReportSummary): string {
  const { counts, handling, hotSpots, totals } = summary
  const parts: string[] = []
  let opening = `${dateZh(summary.period.from)}至${dateZh(summary.period.to)}，${summary.bureau}共收到消费维权投诉、举报、咨询${cellText(totals.inPeriod)}件，其中投诉${count(counts.byKind, 'complaint')}件、举报${count(counts.byKind, 'report')}件、咨询${count(counts.byKind, 'inquiry')}件`
  if (summary.compareWith && totals.compared) {
    const [now, before] = [totals.inPeriod.count, totals.compared.count]
    const span = `上期（${dateZh(summary.compareWith.from)}至${dateZh(summary.compareWith.to)}）${cellText(totals.compared)}件`
    if (now === null || before === null) opening += `，${span}`
    else if (before === 0) opening += `，${span}`
    else if (now === before) opening += `，与${span}持平`
    else opening += `，比${span}${now > before ? '增加' : '减少'}${percent(Math.abs(now - before) / before)}`
  }
  parts.push(opening + '。')
  parts.push(`受理分办${count(counts.byDisposition, 'route')}件，不予受理${count(counts.byDisposition, 'reject')}件，移送有管辖权的部门${count(counts.byDisposition, 'transfer')}件。`)
  const handled: string[] = []
  if (handling.acceptance.rate !== null) handled.push(`投诉在${handling.acceptance.deadlineDays}个工作日内受理的占${percent(handling.acceptance.rate)}`)
  if (handling.mediation.rate !== null) handled.push(`调解成功率${percent(handling.mediation.rate)}`)
  if (handling.closing.averageWorkingDays !== null) handled.push(`已办结${cellText(handling.closing.closed)}件，平均${handling.closing.averageWorkingDays}个工作日办结`)
  if (handling.amounts.recoveredYuan !== null && handling.amounts.recoveredYuan > 0) handled.push(`为消费者挽回经济损失${yuan(handling.amounts.recoveredYuan)}元`)
  if (handled.length) parts.push(handled.join('；') + '。')
  const categories = counts.byCategory.filter((r) => r.cell.count !== 0).slice(0, 3)
  if (categories.length) parts.push(`件数较多的类别是${categories.map((r) => `${r.label}（${cellText(r.cell)}件）`).join('、')}。`)
  const rising = [...hotSpots.risingCategories.slice(0, 2), ...hotSpots.risingTerms.slice(0, 3)]
  if (rising.length) parts.push(`与上期相比上升较多的是${rising.map((t) => `${t.label}${t.change === null ? '' : `（增加${t.change}件）`}`).join('、')}。`)
  if (hotSpots.recurringTerms.length) parts.push(`反复出现的问题有${hotSpots.recurringTerms.slice(0, 3).map((t) => `“${t.term}”`).join('、')}。`)
  if (handling.overdue.total.count !== 0) parts.push(`截至${dateZh(summary.period.to)}，有${cellText(handling.overdue.total)}件超过法定期限尚未办结。`)
  if (totals.errors > 0) parts.push(`另有${totals.errors}条记录因数据不全或有误未能统计，见附录。`)
  return parts.join('')
}
