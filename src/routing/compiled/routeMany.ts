/**
 * Streams complaints through a router: one result per input item, in input order, a bad item as an
 * error record (never a throw mid-stream, never a dropped item). Pulls one item at a time, so memory
 * stays constant however long the input is.
 */
import type { Issue } from '../../problems/issue.js'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { snapshotInput } from '../../problems/snapshotInput.js'
import { checkIterable } from '../../problems/checkIterable.js'
import type { RouteOptions, RoutingDecision } from '../types.js'

/** What `routeMany` yields for an item that could not be routed. */
export interface RouteErrorRecord {
  /** The item's 0-based position in the input. */
  index: number
  /** The item's `id`, when it has a string one. */
  id?: string
  error: {
    /** `invalid_input`, `input_too_large`, or `internal_error` for a fault of the library itself. */
    code: string
    message: string
    messageEn: string
    issues: Issue[]
  }
}

export type RouteManyResult = RoutingDecision | RouteErrorRecord

/** Tells an error record from a decision. */
export function isRouteError(result: RouteManyResult): result is RouteErrorRecord {
  try {
    return typeof result === 'object' && result !== null && 'error' in result && 'index' in result
  } catch {
    return false // a revoked Proxy: not a record routeMany made
  }
}

function idOf(item: unknown): string | undefined {
  try {
    if (item === null || typeof item !== 'object') return undefined
    const id = (item as { id?: unknown }).id
    return typeof id === 'string' ? id : undefined
  } catch {
    return undefined // a throwing getter: the record still goes out, without an id
  }
}

/** The error record for `item` at `index`. */
export function errorRecord(index: number, item: unknown, error: unknown): RouteErrorRecord {
  const id = idOf(item)
  if (error instanceof XiaobaoError) {
    const first = error.issues[0]
    return { index, ...(id !== undefined ? { id } : {}), error: { code: String(error.code), message: first.message, messageEn: first.messageEn, issues: error.issues } }
  }
  const text = error instanceof Error ? error.message : String(error)
  const issue: Issue = { code: 'internal_error', severity: 'error', message: `内部错误：${text}`, messageEn: `internal error: ${text}` }
  return { index, ...(id !== undefined ? { id } : {}), error: { code: 'internal_error', message: issue.message, messageEn: issue.messageEn, issues: [issue] } }
}

/**
 * Routes every item of `items` with `route`. Each item is snapshotted first (`snapshotInput`), so a
 * throwing getter or a revoked Proxy is that item's error record; an array is read index by index, so
 * even a throwing element read is a record. Only a failing iterator (a read error of the stream itself)
 * ends the stream, as a `XiaobaoError`.
 */
export async function* routeMany(
  route: (input: unknown, options?: RouteOptions) => RoutingDecision | Promise<RoutingDecision>,
  items: Iterable<unknown> | AsyncIterable<unknown>,
  options?: RouteOptions,
): AsyncGenerator<RouteManyResult, void, undefined> {
  checkIterable(items, 'routeMany', 'items')
  const iterable = items as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown }
  const step = (read: () => unknown, index: number): RouteManyResult | Promise<RouteManyResult> => {
    let item: unknown
    try {
      item = snapshotInput(read(), 'input')
    } catch (error) {
      return errorRecord(index, undefined, error instanceof XiaobaoError ? error : readError(index, error))
    }
    try {
      const routed = route(item, options)
      return routed instanceof Promise ? routed.catch((error: unknown) => errorRecord(index, item, error)) : routed
    } catch (error) {
      return errorRecord(index, item, error)
    }
  }
  let index = 0
  // `yield` in an async generator awaits its operand, so a router's promise is settled before it goes out.
  if (Array.isArray(items)) {
    const array = items as unknown[]
    let length: number
    try {
      length = array.length
    } catch (error) {
      throw readError(0, error)
    }
    for (let i = 0; i < length; i++) yield step(() => array[i], index++)
    return
  }
  try {
    if (typeof iterable[Symbol.asyncIterator] === 'function') {
      for await (const item of items as AsyncIterable<unknown>) yield step(() => item, index++)
    } else {
      for (const item of items as Iterable<unknown>) yield step(() => item, index++)
    }
  } catch (error) {
    throw error instanceof XiaobaoError ? error : readError(index, error)
  }
}

function readError(index: number, error: unknown): XiaobaoError {
  const text = error instanceof Error ? error.message : String(error)
  return new XiaobaoError(
    [
      {
        code: 'invalid_input',
        severity: 'error',
        path: [index],
        message: `读取第 ${index} 项时出错：${text}`,
        messageEn: `reading item ${index} failed: ${text}`,
      },
    ],
    { cause: error },
  )
}
