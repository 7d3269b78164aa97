/**
 * Placeholders in a ladder action's message: `{dueOn}`, `{workingDaysLate}`, `{deadline}` (its name),
 * `{section}` (the handling section's name), `{itemId}`, and the item's date fields (`{newDueOn}`).
 * Unknown names are load errors; a value the item lacks prints as —.
 */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g

export const STANDARD_PLACEHOLDERS = ['itemId', 'deadline', 'dueOn', 'workingDaysLate', 'section'] as const

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

/** Fills the placeholders; a missing value prints as —. */
export function fill(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name]
    return value === undefined || value === null ? '—' : String(value)
  })
}
