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
 * The state of one snapshot. A class with methods rather than closures made per call: `snapshotInput`
 * runs for every public call, and the per-call closures (and the path arrays once copied at every
 * field) were most of its cost. The path is a stack, copied only when a failure names it.
 */
class Snapshot {
  nodes = 0
  /** Objects copied (shared references stay shared) and, while being copied, OPEN (a cycle). */
  readonly done = new Map<object, unknown>()
  readonly path: Path = []
  constructor(
    readonly name: string,
    readonly functions: boolean,
  ) {}

  fail(message: string, messageEn: string, code: 'invalid_input' | 'input_too_large' = 'invalid_input', cause?: unknown, key?: string | number): SnapshotFailure {
    const path = this.path.slice()
    if (key !== undefined) path.push(key)
    return new SnapshotFailure(path, message, messageEn, code, cause)
  }

  where(key?: string | number): string {
    if (key === undefined) return where(this.path, this.name)
    const path = this.path.slice()
    path.push(key)
    return where(path, this.name)
  }

  copy(node: unknown): unknown {
    switch (typeof node) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'undefined':
        return node
      case 'bigint':
        throw this.fail(`${this.where()} 是 BigInt，请改用普通数字或文本。`, `${this.where()} is a BigInt; use a plain number or a string.`)
      case 'symbol':
        throw this.fail(`${this.where()} 是 Symbol，应为文本、数字、列表或对象。`, `${this.where()} is a symbol; expected text, a number, a list or an object.`)
      case 'function':
        if (this.functions) return node // a callback option (onProgress): kept, called by its owner
        throw this.fail(`${this.where()} 是函数，应为数据（文本、数字、列表或对象）。`, `${this.where()} is a function; expected data (text, a number, a list or an object).`)
    }
    if (node === null) return null
    const object = node as object
    const known = this.done.get(object)
    if (known !== undefined) {
      if (known === OPEN) throw this.fail(`${this.where()} 引用了自身（循环结构），无法作为输入。`, `${this.where()} refers back to itself (a cycle); it cannot be input.`)
      return known
    }
    if (this.path.length >= SNAPSHOT_LIMITS.maxDepth) {
      throw this.fail(`${this.where()} 嵌套超过 ${SNAPSHOT_LIMITS.maxDepth} 层。`, `${this.where()} is nested more than ${SNAPSHOT_LIMITS.maxDepth} levels deep.`, 'input_too_large')
    }
    this.done.set(object, OPEN)
    let out: unknown
    try {
      out = Array.isArray(object) ? this.array(object as unknown[]) : this.record(object)
    } catch (error) {
      this.done.delete(object)
      if (error instanceof SnapshotFailure) throw error
      // A Proxy trap that throws, a revoked Proxy, an exotic object that refuses to be read.
      throw this.fail(`无法读取 ${this.where()}：${describeError(error)}`, `${this.where()} cannot be read: ${describeError(error)}`, 'invalid_input', error)
    }
    this.done.set(object, out)
    return out
  }

  private array(object: unknown[]): unknown[] {
    const length = object.length
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
      throw this.fail(`${this.where()} 的长度无效。`, `${this.where()} has an invalid length.`)
    }
    if (this.nodes + length > SNAPSHOT_LIMITS.maxNodes) {
      throw this.fail(`${this.where()} 过大：超过 ${SNAPSHOT_LIMITS.maxNodes} 个值。`, `${this.where()} is too large: over ${SNAPSHOT_LIMITS.maxNodes} values.`, 'input_too_large')
    }
    const array: unknown[] = new Array(length)
    const path = this.path
    for (let i = 0; i < length; i++) {
      this.nodes++
      const element = object[i] // read before the path names it: a failing read is the array's
      path.push(i)
      array[i] = this.copy(element)
      path.pop()
    }
    return array
  }

  private record(object: object): Record<string, unknown> {
    const keys = Reflect.ownKeys(object)
    const record: Record<string, unknown> = {}
    const path = this.path
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key)
      if (!descriptor || !descriptor.enumerable) continue
      if (typeof key === 'symbol') {
        throw this.fail(`${this.where()} 有以 Symbol 为名的字段，应只用文本字段名。`, `${this.where()} has a symbol-keyed field; use text field names only.`)
      }
      if (++this.nodes > SNAPSHOT_LIMITS.maxNodes) {
        throw this.fail(`${this.where()} 过大：超过 ${SNAPSHOT_LIMITS.maxNodes} 个值。`, `${this.where()} is too large: over ${SNAPSHOT_LIMITS.maxNodes} values.`, 'input_too_large')
      }
      let field: unknown
      if ('value' in descriptor) field = descriptor.value
      else {
        try {
          field = descriptor.get ? descriptor.get.call(object) : undefined
        } catch (error) {
          throw this.fail(`读取 ${this.where(key)} 时出错：${describeError(error)}`, `reading ${this.where(key)} failed: ${describeError(error)}`, 'invalid_input', error, key)
        }
      }
      path.push(key)
      const value = this.copy(field)
      path.pop()
      // `__proto__` stays an own data property (assigning it would set the prototype).
      if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true })
      else record[key] = value
    }
    return record
  }
}

/** Marks an object being copied: meeting it again inside itself is a cycle. */
const OPEN = Symbol('open')

/**
 * Copies `value` into plain data, or throws `XiaobaoError` `invalid_input` (`input_too_large` when it is
 * deeper or larger than `SNAPSHOT_LIMITS`). `name` is how messages call the whole value (`input`,
 * `options`, `items`); `functions: true` keeps functions (callback options) as they are. Keys named `__proto__` are kept as own data properties (never set a prototype),
 * so a schema can reject them as unknown fields.
 * @example
 * const input = snapshotInput(untrusted, 'input') // then validate `input`, never `untrusted`
 */
export function snapshotInput<T = unknown>(value: T, name = 'input', options?: { functions?: boolean }): T {
  // Plain values need no copy (and no state).
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  const snapshot = new Snapshot(name, options?.functions === true)
  try {
    return snapshot.copy(value) as T
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
