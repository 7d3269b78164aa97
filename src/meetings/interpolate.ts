/**
 * Placeholders in a check's message: `{attendeeCount}` (a fact), `{params.minAttendanceRatio}` (a
 * parameter), `{n}` (1-based position, for checks with `each`). Unknown names are load errors.
 */
import { MEETING_FACTS } from './facts.js'

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\}/g

/** The placeholders of `template` that name nothing. */
export function unknownPlaceholders(template: string, paramNames: readonly string[], hasEach: boolean): string[] {
  const unknown: string[] = []
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    const [head, tail] = name!.split('.') as [string, string | undefined]
    const known = tail !== undefined ? head === 'params' && paramNames.includes(tail) : (head === 'n' && hasEach) || (head !== 'params' && head in MEETING_FACTS)
    if (!known) unknown.push(name!)
  }
  return unknown
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100)
  if (Array.isArray(value)) return value.map(show).join(', ')
  return String(value)
}

/** Fills the placeholders from the facts. */
export function interpolate(template: string, facts: Readonly<Record<string, unknown>>, position?: number): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const [head, tail] = name.split('.') as [string, string | undefined]
    if (tail !== undefined) return head === 'params' ? show((facts.params as Record<string, unknown> | undefined)?.[tail]) : whole
    if (head === 'n') return position === undefined ? whole : String(position + 1)
    return head in facts ? show(facts[head]) : whole
  })
}
