/**
 * Hand-written inline SVG charts for the printable report (no script, no external resource): horizontal
 * bars, monthly columns, and paired bars for rising hot spots. A suppressed cell draws no bar and shows
 * its "<5".
 */
import { escapeHtml } from './format.js'

export interface Bar {
  label: string
  value: number | null
  text: string
}

const FONT = `font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif"`

/** Horizontal bars, one per row, scaled to the largest. */
export function barChart(bars: readonly Bar[], options: { title: string; width?: number; color?: string }): string {
  const width = options.width ?? 640
  const labelWidth = 190
  const rowHeight = 22
  const top = 28
  const height = top + Math.max(1, bars.length) * rowHeight + 8
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0))
  const span = width - labelWidth - 60
  const rows = bars.map((bar, i) => {
    const y = top + i * rowHeight
    const w = bar.value === null ? 0 : Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * span))
    return (
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="12" ${FONT}>${escapeHtml(bar.label.length > 14 ? bar.label.slice(0, 13) + '…' : bar.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" fill="${options.color ?? '#2f5d8a'}"/>` +
      `<text x="${labelWidth + w + 4}" y="${y + 15}" font-size="12" ${FONT}>${escapeHtml(bar.text)}</text>`
    )
  })
  return svg(width, height, options.title, rows.join(''))
}

/** Vertical columns, one per month (or any ordered key). */
export function columnChart(bars: readonly Bar[], options: { title: string; width?: number; color?: string }): string {
  const width = options.width ?? 640
  const height = 220
  const [top, bottom, left] = [30, 40, 10]
  const n = Math.max(1, bars.length)
  const slot = (width - left * 2) / n
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0))
  const plot = height - top - bottom
  const cols = bars.map((bar, i) => {
    const x = left + i * slot
    const h = bar.value === null ? 0 : Math.round((bar.value / max) * plot)
    const y = top + plot - h
    const cw = Math.max(4, slot * 0.6)
    return (
      `<rect x="${(x + (slot - cw) / 2).toFixed(1)}" y="${y}" width="${cw.toFixed(1)}" height="${h}" fill="${options.color ?? '#2f5d8a'}"/>` +
      `<text x="${(x + slot / 2).toFixed(1)}" y="${y - 4}" text-anchor="middle" font-size="11" ${FONT}>${escapeHtml(bar.text)}</text>` +
      `<text x="${(x + slot / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11" ${FONT}>${escapeHtml(bar.label)}</text>`
    )
  })
  const axis = `<line x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="#888" stroke-width="1"/>`
  return svg(width, height, options.title, axis + cols.join(''))
}

/** Pairs of bars: the comparison period (grey) above the current one (red). */
export function trendChart(rows: readonly { label: string; previous: Bar; current: Bar }[], options: { title: string; width?: number }): string {
  const width = options.width ?? 640
  const labelWidth = 190
  const pair = 34
  const top = 40
  const height = top + Math.max(1, rows.length) * pair + 8
  const max = Math.max(1, ...rows.flatMap((r) => [r.previous.value ?? 0, r.current.value ?? 0]))
  const span = width - labelWidth - 60
  const legend =
    `<rect x="${labelWidth}" y="22" width="10" height="10" fill="#b8b8b8"/><text x="${labelWidth + 14}" y="31" font-size="11" ${FONT}>上期</text>` +
    `<rect x="${labelWidth + 56}" y="22" width="10" height="10" fill="#b03a2e"/><text x="${labelWidth + 70}" y="31" font-size="11" ${FONT}>本期</text>`
  const body = rows.map((row, i) => {
    const y = top + i * pair
    const bar = (b: Bar, dy: number, color: string) => {
      const w = b.value === null ? 0 : Math.round((b.value / max) * span)
      return `<rect x="${labelWidth}" y="${y + dy}" width="${w}" height="12" fill="${color}"/><text x="${labelWidth + w + 4}" y="${y + dy + 10}" font-size="11" ${FONT}>${escapeHtml(b.text)}</text>`
    }
    return `<text x="${labelWidth - 6}" y="${y + 19}" text-anchor="end" font-size="12" ${FONT}>${escapeHtml(row.label.length > 14 ? row.label.slice(0, 13) + '…' : row.label)}</text>${bar(row.previous, 2, '#b8b8b8')}${bar(row.current, 16, '#b03a2e')}`
  })
  return svg(width, height, options.title, legend + body.join(''))
}

function svg(width: number, height: number, title: string, body: string): string {
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">` +
    `<title>${escapeHtml(title)}</title><text x="0" y="16" font-size="13" font-weight="bold" ${FONT}>${escapeHtml(title)}</text>${body}</svg>`
  )
}
