/**
 * The ground floor of every public function: a safe copy of the caller's value, taken before anything
 * else reads it. Each getter and each Proxy trap runs at most once, here, inside a `try`; what comes out
 * is plain data (arrays, plain objects with own data properties, strings, finite or non-finite numbers,
 * booleans, null, undefined), so no later validation step can trigger a caller's code again, and a
 * throwing getter, a revoked Proxy, a cycle, a symbol, a BigInt or a function is a typed
 * `invalid_input` XiaobaoError instead of a raw error escaping.
 */
import type { Issue } from './issue.js'
import { XiaobaoError } from './XiaobaoError.js'

/** Limits that keep a snapshot from running away (a Proxy can claim any `length`). */
export const SNAPSHOT_LIMITS = { maxDepth: 64, maxNodes: 5_000_000 } as const

type Path = (string | number)[]

class SnapshotFailure {
  constructor(
    readonly path: Path,
    readonly message: string,
    readonly messageEn: string,
    readonly code: 'invalid_input' | 'input_too_large' = 'invalid_input',
    readonly cause?: unknown,
  ) {}
}

function where(path: Path, root: string): string {
  return path.length ? `${root}.${path.join('.')}` : root
}

function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return error.message.slice(0, 200)
    return String(error).slice(0, 200)
  } catch {
    return 'unprintable error'
  }
}

/**
 * Copies `value` into plain data, or throws `XiaobaoError` `invalid_input` (`input_too_large` when it is
 * deeper or larger than `SNAPSHOT_LIMITS`). `name` is how messages call the whole value (`input`,
 * `options`, `items`); `functions: true` keeps functions (callback options) as they are. Keys named `__proto__` are kept as own data properties (never set a prototype),
 * so a schema can reject them as unknown fields.
 * @example
 * const input = snapshotInput(untrusted, 'input') // then validate `input`, never `untrusted`
 */
export function snapshotInput<T = unknown>(value: T, name = 'input', options: { functions?: boolean } = {}): T {
  let nodes = 0
  const done = new Map<object, unknown>()
  const open = new Set<object>()

  const copy = (node: unknown, path: Path): unknown => {
    switch (typeof node) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'undefined':
        return node
      case 'bigint':
        throw new SnapshotFailure(path, `${where(path, name)} 是 BigInt，请改用普通数字或文本。`, `${where(path, name)} is a BigInt; use a plain number or a string.`)
      case 'symbol':
        throw new SnapshotFailure(path, `${where(path, name)} 是 Symbol，应为文本、数字、列表或对象。`, `${where(path, name)} is a symbol; expected text, a number, a list or an object.`)
      case 'function':
        if (options.functions) return node // a callback option (onProgress): kept, called by its owner
        throw new SnapshotFailure(path, `${where(path, name)} 是函数，应为数据（文本、数字、列表或对象）。`, `${where(path, name)} is a function; expected data (text, a number, a list or an object).`)
    }
    if (node === null) return null
    const object = node as object
    if (done.has(object)) return done.get(object)
    if (open.has(object)) {
      throw new SnapshotFailure(path, `${where(path, name)} 引用了自身（循环结构），无法作为输入。`, `${where(path, name)} refers back to itself (a cycle); it cannot be input.`)
    }
    if (path.length >= SNAPSHOT_LIMITS.maxDepth) {
      throw new SnapshotFailure(path, `${where(path, name)} 嵌套超过 ${SNAPSHOT_LIMITS.maxDepth} 层。`, `${where(path, name)} is nested more than ${SNAPSHOT_LIMITS.maxDepth} levels deep.`, 'input_too_large')
    }
    open.add(object)
    let out: unknown
    try {
      if (Array.isArray(object)) {
        const length = (object as unknown[]).length
        if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
          throw new SnapshotFailure(path, `${where(path, name)} 的长度无效。`, `${where(path, name)} has an invalid length.`)
        }
        if (nodes + length > SNAPSHOT_LIMITS.maxNodes) {
          throw new SnapshotFailure(path, `${where(path, name)} 过大：超过 ${SNAPSHOT_LIMITS.maxNodes} 个值。`, `${where(path, name)} is too large: over ${SNAPSHOT_LIMITS.maxNodes} values.`, 'input_too_large')
        }
        const array: unknown[] = new Array(length)
        for (let i = 0; i < length; i++) {
          nodes++
          array[i] = copy((object as unknown[])[i], [...path, i])
        }
        out = array
      } else {
        const keys = Reflect.ownKeys(object)
        const record: Record<string, unknown> = {}
        for (const key of keys) {
          const descriptor = Reflect.getOwnPropertyDescriptor(object, key)
          if (!descriptor || !descriptor.enumerable) continue
          if (typeof key === 'symbol') {
            throw new SnapshotFailure(path, `${where(path, name)} 有以 Symbol 为名的字段，应只用文本字段名。`, `${where(path, name)} has a symbol-keyed field; use text field names only.`)
          }
          if (++nodes > SNAPSHOT_LIMITS.maxNodes) {
            throw new SnapshotFailure(path, `${where(path, name)} 过大：超过 ${SNAPSHOT_LIMITS.maxNodes} 个值。`, `${where(path, name)} is too large: over ${SNAPSHOT_LIMITS.maxNodes} values.`, 'input_too_large')
          }
          let field: unknown
          if ('value' in descriptor) field = descriptor.value
          else {
            try {
              field = descriptor.get ? descriptor.get.call(object) : undefined
            } catch (error) {
              throw new SnapshotFailure([...path, key], `读取 ${where([...path, key], name)} 时出错：${describeError(error)}`, `reading ${where([...path, key], name)} failed: ${describeError(error)}`, 'invalid_input', error)
            }
          }
          Object.defineProperty(record, key, { value: copy(field, [...path, key]), enumerable: true, writable: true, configurable: true })
        }
        out = record
      }
    } catch (error) {
      if (error instanceof SnapshotFailure) throw error
      // A Proxy trap that throws, a revoked Proxy, an exotic object that refuses to be read.
      throw new SnapshotFailure(path, `无法读取 ${where(path, name)}：${describeError(error)}`, `${where(path, name)} cannot be read: ${describeError(error)}`, 'invalid_input', error)
    } finally {
      open.delete(object)
    }
    done.set(object, out)
    return out
  }

  try {
    return copy(value, []) as T
  } catch (error) {
    if (error instanceof SnapshotFailure) {
      const issue: Issue = { code: error.code, severity: 'error', message: error.message, messageEn: error.messageEn, path: error.path }
      throw new XiaobaoError([issue], error.cause !== undefined ? { cause: error.cause } : undefined)
    }
    // A stack overflow or anything else unforeseen: still typed.
    const issue: Issue = { code: 'invalid_input', severity: 'error', message: `无法读取 ${name}：${describeError(error)}`, messageEn: `${name} cannot be read: ${describeError(error)}` }
    throw new XiaobaoError([issue], { cause: error })
  }
}

/**
 * Runs `body`; an error that is not a `XiaobaoError` (a fault of the library itself) comes out as one,
 * code `internal_error`, with the original as `cause`, so callers only ever catch one class.
 */
export function typedErrors<R>(body: () => R): R {
  try {
    const result = body()
    if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(asXiaobaoError(error))) as R
    return result
  } catch (error) {
    throw asXiaobaoError(error)
  }
}

/** `error` as a `XiaobaoError` (unchanged when it is one). */
export function asXiaobaoError(error: unknown): XiaobaoError {
  if (error instanceof XiaobaoError) return error
  const text = describeError(error)
  return new XiaobaoError([{ code: 'internal_error', severity: 'error', message: `内部错误：${text}`, messageEn: `internal error: ${text}` }], { cause: error })
}
