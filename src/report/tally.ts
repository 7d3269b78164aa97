/**
 * A counter by key that keeps, when asked, the ids of the records behind each count. Memory grows with
 * the number of distinct keys (and, for the bureau's traceable view, with the ids themselves), never
 * with the records' contents.
 */
export interface TallyEntry {
  count: number
  ids?: string[]
}

export class Tally {
  private readonly entries = new Map<string, TallyEntry>()
  constructor(private readonly traceIds: boolean) {}

  add(key: string, id: string): void {
    let entry = this.entries.get(key)
    if (!entry) {
      entry = this.traceIds ? { count: 0, ids: [] } : { count: 0 }
      this.entries.set(key, entry)
    }
    entry.count++
    entry.ids?.push(id)
  }

  get(key: string): TallyEntry | undefined {
    return this.entries.get(key)
  }

  count(key: string): number {
    return this.entries.get(key)?.count ?? 0
  }

  keys(): string[] {
    return [...this.entries.keys()]
  }

  /** Keys by count, largest first; ties by key, so the order is deterministic. */
  ranked(): string[] {
    return this.keys().sort((a, b) => this.count(b) - this.count(a) || (a < b ? -1 : a > b ? 1 : 0))
  }

  /** The sum of several keys' entries. */
  merged(keys: readonly string[]): TallyEntry {
    const out: TallyEntry = this.traceIds ? { count: 0, ids: [] } : { count: 0 }
    for (const key of keys) {
      const entry = this.entries.get(key)
      if (!entry) continue
      out.count += entry.count
      // Not push(...ids): a spread of 100,000 ids overflows the stack.
      if (entry.ids) for (const id of entry.ids) out.ids!.push(id)
    }
    return out
  }
}
