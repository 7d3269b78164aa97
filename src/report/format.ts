/**
 * Small formatting helpers shared by the renderers: cells, percentages, dates in Chinese, escaping.
 */
import type { Cell, Rate } from './types.js'

/** `12`, or `<5` for a suppressed cell. */
export function cellText(cell: Cell): string {
  return cell.count === null ? cell.shown : String(cell.count)
}

/** The count, or null when suppressed. */
export function cellValue(cell: Cell): number | null {
  return cell.count
}

/** `87.5%`, or `—` when there is no rate. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`
}

export function rateText(rate: Rate): string {
  return `${percent(rate.rate)}（${cellText(rate.numerator)}/${cellText(rate.denominator)}）`
}

/** `2026-01-05` → `2026年1月5日`. */
export function dateZh(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

export function yuan(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** For a Markdown table cell: no pipes or line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** 一、二、三… for chapter numbers. */
export function chapterNumber(index: number): string {
  return ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][index] ?? String(index + 1)
}
