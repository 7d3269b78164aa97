/**
 * Small helpers shared by the checks: building findings, naming article items the way staff cite them.
 */
import type { SourceLocation } from '../ruleset/types.js'
import type { AnalysisCode, AnalysisSeverity, Finding } from './types.js'

export function finding(
  code: AnalysisCode,
  severity: AnalysisSeverity,
  message: string,
  messageEn: string,
  locations: readonly (SourceLocation | undefined)[],
  extra: Pick<Finding, 'example' | 'rules'> = {},
): Finding {
  return { code, severity, message, messageEn, locations: locations.filter((l): l is SourceLocation => l !== undefined), ...extra }
}

/** `第十五条(一)（seq 15）`: the printed number, the item as printed, and the unambiguous seq. */
export function itemName(article: { printed: string; seq: number }, item?: { item: number; label?: string }): string {
  const part = item ? (item.label ?? `第${item.item}项`) : ''
  return `${article.printed}${part}（seq ${article.seq}）`
}

/** `seq 15 item 1`. */
export function itemNameEn(article: { seq: number }, item?: { item: number }): string {
  return `seq ${article.seq}${item ? ` item ${item.item}` : ''}`
}

const SEVERITY_ORDER: Record<AnalysisSeverity, number> = { error: 0, warning: 1, info: 2 }

/** Errors first, then warnings, then infos; then by code and by the first location; else in the order found (a stable sort). */
export function sortFindings(findings: Finding[]): Finding[] {
  const where = (f: Finding) => {
    const l = f.locations[0]
    return l ? `${l.file}\u0000${String(l.line).padStart(6, '0')}\u0000${String(l.col).padStart(4, '0')}` : ''
  }
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (where(a) < where(b) ? -1 : where(a) > where(b) ? 1 : 0),
  )
}

/** `a、b、c` with at most `max` names and a count of the rest. */
export function list(names: readonly string[], max = 8, separator = '、'): string {
  if (names.length <= max) return names.join(separator)
  return `${names.slice(0, max).join(separator)}${separator}…（共 ${names.length} 个）`
}

export function listEn(names: readonly string[], max = 8): string {
  if (names.length <= max) return names.join(', ')
  return `${names.slice(0, max).join(', ')}, … (${names.length} in all)`
}
