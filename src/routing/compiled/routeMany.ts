/**
 * Streams complaints through a router: one result per input item, in input order, a bad item as an
 * error record (never a throw mid-stream, never a dropped item). Pulls one item at a time, so memory
 * stays constant however long the input is.
 */
import type { Issue } from '../../problems/issue.js'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
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
  return 'error' in result && 'index' in result
}

function idOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined
  const id = (item as { id?: unknown }).id
  return typeof id === 'string' ? id : undefined
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
 * Routes every item of `items` with `route`. The iterable's own errors (a failing read) propagate;
 * an item's errors become records.
 */
export async function* routeMany(
  route: (input: unknown, options?: RouteOptions) => RoutingDecision | Promise<RoutingDecision>,
  items: Iterable<unknown> | AsyncIterable<unknown>,
  options?: RouteOptions,
): AsyncGenerator<RouteManyResult, void, undefined> {
  const iterable = items as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null | undefined
  if (iterable == null || (typeof iterable[Symbol.iterator] !== 'function' && typeof iterable[Symbol.asyncIterator] !== 'function')) {
    throw new XiaobaoError([
      {
        code: 'invalid_input',
        severity: 'error',
        message: 'routeMany 需要一个可迭代对象（数组、生成器或异步可迭代对象，如逐行读取的流）。',
        messageEn: 'routeMany takes an iterable: an array, a generator or an async iterable (e.g. a stream read line by line).',
      },
    ])
  }
  const step = (item: unknown, index: number): RouteManyResult | Promise<RouteManyResult> => {
    try {
      const routed = route(item, options)
      return routed instanceof Promise ? routed.catch((error: unknown) => errorRecord(index, item, error)) : routed
    } catch (error) {
      return errorRecord(index, item, error)
    }
  }
  let index = 0
  // `yield` in an async generator awaits its operand, so a router's promise is settled before it goes out.
  if (typeof iterable[Symbol.asyncIterator] === 'function') {
    for await (const item of items as AsyncIterable<unknown>) yield step(item, index++)
  } else {
    for (const item of items as Iterable<unknown>) yield step(item, index++)
  }
}
