/**
 * Inline SVG charts for the analysis page (no script, no chart library): grouped horizontal bars
 * (scenarios and rules per section, findings by kind) and coverage bars (a share of a whole). Each chart
 * scales with its box (`viewBox`), so it fits a phone and an A4 page alike.
 */

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
const FONT = `font-family="'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei',sans-serif"`

function svg(id: string, width: number, height: number, title: string, body: string): string {
  return `<figure class="chart" id="${id}"><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escape(title)}"><title>${escape(title)}</title>${body}</svg></figure>`
}

export interface Series {
  name: string
  color: string
}

/** Horizontal bars grouped per row: one bar per series, scaled per series to its own largest value. */
export function groupedBars(id: string, title: string, rows: readonly { label: string; values: readonly number[] }[], series: readonly Series[]): string {
  const width = 720
  const labelWidth = 170
  const barHeight = 11
  const rowHeight = series.length * (barHeight + 2) + 8
  const top = 30
  const height = top + rows.length * rowHeight + 6
  const span = width - labelWidth - 70
  const max = series.map((_, s) => Math.max(1, ...rows.map((r) => r.values[s] ?? 0)))
  const legend = series.map((s, i) => `<rect x="${labelWidth + i * 150}" y="8" width="12" height="12" fill="${s.color}"/><text x="${labelWidth + i * 150 + 17}" y="18" font-size="12" ${FONT}>${escape(s.name)}</text>`).join('')
  const body = rows
    .map((row, i) => {
      const y = top + i * rowHeight
      const label = row.label.length > 12 ? row.label.slice(0, 11) + '…' : row.label
      const bars = series
        .map((s, k) => {
          const value = row.values[k] ?? 0
          const w = value > 0 ? Math.max(2, Math.round((value / max[k]!) * span)) : 0
          const by = y + 3 + k * (barHeight + 2)
          return `<rect x="${labelWidth}" y="${by}" width="${w}" height="${barHeight}" fill="${s.color}"/><text x="${labelWidth + w + 4}" y="${by + barHeight - 1}" font-size="11" ${FONT}>${value}</text>`
        })
        .join('')
      return `<text x="${labelWidth - 6}" y="${y + rowHeight / 2 + 2}" text-anchor="end" font-size="12" ${FONT}>${escape(label)}</text>${bars}`
    })
    .join('')
  return svg(id, width, height, title, legend + body)
}

/** One bar per row, coloured per row. */
export function simpleBars(id: string, title: string, rows: readonly { label: string; value: number; color: string }[]): string {
  const width = 720
  const labelWidth = 250
  const rowHeight = 20
  const height = 8 + Math.max(1, rows.length) * rowHeight
  const span = width - labelWidth - 50
  const max = Math.max(1, ...rows.map((r) => r.value))
  const body = rows
    .map((row, i) => {
      const y = 4 + i * rowHeight
      const w = row.value > 0 ? Math.max(2, Math.round((row.value / max) * span)) : 0
      return `<text x="${labelWidth - 6}" y="${y + 13}" text-anchor="end" font-size="12" ${FONT}>${escape(row.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" fill="${row.color}"/><text x="${labelWidth + w + 4}" y="${y + 13}" font-size="12" ${FONT}>${row.value}</text>`
    })
    .join('')
  return svg(id, width, height, title, body)
}

/** Coverage bars: for each measure, the share done of the whole, with "done / whole (pct)". */
export function coverageBars(id: string, title: string, rows: readonly { label: string; done: number; total: number }[]): string {
  const width = 720
  const labelWidth = 250
  const rowHeight = 24
  const height = 8 + Math.max(1, rows.length) * rowHeight
  const span = width - labelWidth - 110
  const body = rows
    .map((row, i) => {
      const y = 4 + i * rowHeight
      const share = row.total > 0 ? row.done / row.total : 1
      const w = Math.round(share * span)
      const color = share >= 0.999 ? '#2e7d4f' : share >= 0.8 ? '#7cb342' : share >= 0.5 ? '#e39b00' : '#c62828'
      return (
        `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" font-size="12" ${FONT}>${escape(row.label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${span}" height="${rowHeight - 8}" fill="#e6eaef"/>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" fill="${color}"/>` +
        `<text x="${labelWidth + span + 6}" y="${y + 15}" font-size="12" ${FONT}>${row.done}/${row.total}（${row.total ? Math.round(share * 100) : 100}%）</text>`
      )
    })
    .join('')
  return svg(id, width, height, title, body)
}
