/**
 * A stream argument (`routeMany`, `summarizeRecords`) checked up front: an array, a generator or an
 * async iterable. A string is refused — it is iterable, but character by character, never what is meant.
 */
import { XiaobaoError } from './XiaobaoError.js'

/** An array longer than this is refused (a Proxy can claim any length); streams have no limit. */
export const MAX_ARRAY_ITEMS = 10_000_000

/** Returns `value` when it is a non-string (async) iterable; throws `invalid_input` otherwise. */
export function checkIterable<T>(value: Iterable<T> | AsyncIterable<T>, fn: string, name: string): Iterable<T> | AsyncIterable<T> {
  let ok = false
  try {
    const v = value as unknown as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null | undefined
    ok =
      v !== null &&
      typeof v === 'object' &&
      (typeof v[Symbol.iterator] === 'function' || typeof v[Symbol.asyncIterator] === 'function')
  } catch {
    ok = false // a revoked Proxy
  }
  try {
    Array.isArray(value)
  } catch {
    ok = false // a revoked Proxy
  }
  if (ok && Array.isArray(value)) {
    const length = (value as unknown[]).length
    if (length > MAX_ARRAY_ITEMS) {
      throw new XiaobaoError([
        {
          code: 'input_too_large',
          severity: 'error',
          path: [],
          message: `${fn} 的 ${name} 是有 ${length} 项的数组，超过上限 ${MAX_ARRAY_ITEMS}；更长的输入请用生成器或异步可迭代对象逐项提供。`,
          messageEn: `${fn} got ${name} as an array of ${length} items, over the limit of ${MAX_ARRAY_ITEMS}; give longer input as a generator or an async iterable.`,
        },
      ])
    }
  }
  if (ok) return value
  const got = typeof value === 'string' ? '文本' : value === null ? 'null' : typeof value
  const gotEn = typeof value === 'string' ? 'a string' : value === null ? 'null' : typeof value
  throw new XiaobaoError([
    {
      code: 'invalid_input',
      severity: 'error',
      path: [name],
      message: `${fn} 的 ${name} 应为可迭代对象（数组、生成器或异步可迭代对象，如逐行读取的流），收到的是${got}。`,
      messageEn: `${fn} takes ${name} as an iterable (an array, a generator or an async iterable such as lines of a file), got ${gotEn}.`,
    },
  ])
}
