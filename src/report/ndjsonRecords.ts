/**
 * NDJSON lines → records for `summarizeRecords`, keeping each record's line number and turning a line
 * that is not JSON into an entry of the report's appendix instead of an exception.
 */
import { checkIterable } from '../problems/checkIterable.js'
import { asXiaobaoError } from '../problems/snapshotInput.js'

const LINE = Symbol.for('xiaobao.report.line')

/** A record read from a numbered line; `jsonError` when the line was not JSON. */
export interface LineRecord {
  readonly [LINE]: true
  readonly line: number
  readonly value?: unknown
  readonly jsonError?: string
  /** Set when the line could not be read as text at all (not UTF-8): the line's error, zh and en. */
  readonly lineError?: { readonly code: 'invalid_encoding'; readonly message: string; readonly messageEn: string }
}

export function isLineRecord(value: unknown): value is LineRecord {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[LINE] === true
}

/**
 * Parses lines lazily, one at a time (constant memory); blank lines are skipped but counted. A BOM
 * before the first line is dropped. `lines` must be an iterable or async iterable of strings (a string
 * itself is refused: it would be read character by character); an item that is not a string is an
 * entry of the appendix. Throws only XiaobaoError.
 * @example
 * await engine.summarizeRecords(recordsFromLines(readline.createInterface({ input })), { from, to })
 */
export function recordsFromLines(lines: AsyncIterable<string> | Iterable<string>): AsyncGenerator<LineRecord> {
  const source = checkIterable(lines, 'recordsFromLines', 'lines')
  return (async function* () {
    let line = 0
    try {
      for await (const text of source as AsyncIterable<unknown>) {
        line++
        if (typeof text !== 'string') {
          yield { [LINE]: true, line, jsonError: `not text but ${text === null ? 'null' : typeof text}` }
          continue
        }
        if (text.trim() === '') continue
        try {
          yield { [LINE]: true, line, value: JSON.parse(line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown }
        } catch (error) {
          yield { [LINE]: true, line, jsonError: (error as Error).message }
        }
      }
    } catch (error) {
      throw asXiaobaoError(error)
    }
  })()
}

/**
 * The CLI's numbered lines (src/cli/ndjson.ts `readLines`: BOM dropped, a line that is not UTF-8
 * flagged) as records: a line that is not UTF-8 is an `invalid_encoding` entry of the appendix, never
 * text with U+FFFD in it.
 */
export async function* recordsFromNumberedLines(lines: AsyncIterable<{ line: number; text: string; error?: { code: string; message: string; messageEn: string } }>): AsyncGenerator<LineRecord> {
  for await (const { line, text, error } of lines) {
    if (error?.code === 'invalid_encoding') {
      yield { [LINE]: true, line, lineError: { code: 'invalid_encoding', message: error.message, messageEn: error.messageEn } }
      continue
    }
    if (text.trim() === '') continue
    try {
      yield { [LINE]: true, line, value: JSON.parse(text) as unknown }
    } catch (e) {
      yield { [LINE]: true, line, jsonError: (e as Error).message }
    }
  }
}
