/**
 * NDJSON lines → records for `summarizeRecords`, keeping each record's line number and turning a line
 * that is not JSON into an entry of the report's appendix instead of an exception.
 */
const LINE = Symbol.for('xiaobao.report.line')

/** A record read from a numbered line; `jsonError` when the line was not JSON. */
export interface LineRecord {
  readonly [LINE]: true
  readonly line: number
  readonly value?: unknown
  readonly jsonError?: string
}

export function isLineRecord(value: unknown): value is LineRecord {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[LINE] === true
}

/**
 * Parses lines lazily, one at a time (constant memory); blank lines are skipped but counted.
 * @example
 * await engine.summarizeRecords(recordsFromLines(readline.createInterface({ input })), { from, to })
 */
export async function* recordsFromLines(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<LineRecord> {
  let line = 0
  for await (const text of lines) {
    line++
    if (text.trim() === '') continue
    try {
      yield { [LINE]: true, line, value: JSON.parse(text) as unknown }
    } catch (error) {
      yield { [LINE]: true, line, jsonError: (error as Error).message }
    }
  }
}
