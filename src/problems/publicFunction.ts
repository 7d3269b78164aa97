/**
 * A public function as the package exports it (issue 12: "every public function takes a safe snapshot
 * of its input before anything else and throws only XiaobaoError"). Functions that validate their own
 * input (routing, meetings, escalations, records, calendar, parseRuleSet) already do both; this wraps the
 * rest — analysis, formatting, citations, scenario runners, report renderers — at the entry point,
 * leaving their internal callers as they were.
 */
import { asXiaobaoError, snapshotInput, typedErrors } from './snapshotInput.js'
import { xiaobaoError } from './XiaobaoError.js'

/**
 * How an argument is taken:
 * - `data`: copied by `snapshotInput` (each getter and trap runs once, here);
 * - `callbacks`: the same, keeping functions (an options object with a callback);
 * - `ruleSet`: a loaded rule set, passed as it is (rule sets are large and cached by identity) once it
 *   has the shape one has; anything else is `invalid_input`;
 * - `object`: an engine or an error passed as it is, when it is an object (or absent, if optional).
 */
export type ArgumentKind = 'data' | 'callbacks' | 'ruleSet' | 'object'

export interface ArgumentSpec {
  readonly name: string
  readonly kind: ArgumentKind
  readonly optional?: boolean
  /**
   * For `data` and `callbacks`: what the copy must be (checked after the snapshot), so that `null` or a
   * number where a record is expected is `invalid_input` naming the argument, not an `internal_error`
   * from deep inside the function.
   */
  readonly type?: 'object' | 'array' | 'string'
}

const TYPE_NAMES = {
  object: { zh: '对象', en: 'an object' },
  array: { zh: '数组', en: 'an array' },
  string: { zh: '字符串', en: 'a string' },
} as const

function hasType(value: unknown, type: NonNullable<ArgumentSpec['type']>): boolean {
  if (type === 'array') return Array.isArray(value)
  if (type === 'string') return typeof value === 'string'
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function typed(fn: string, spec: ArgumentSpec, copy: unknown): unknown {
  if (spec.type === undefined || (spec.optional && copy === undefined) || hasType(copy, spec.type)) return copy
  const want = TYPE_NAMES[spec.type]
  throw xiaobaoError(
    'invalid_input',
    `${fn} 的 ${spec.name} 应为${want.zh}。`,
    `${fn}: ${spec.name} must be ${want.en}.`,
    { path: [spec.name] },
  )
}

/** The parts every rule set has (loader output, `defaultRuleSet()`, a capability's slice of it). */
function isRuleSetShaped(value: unknown): boolean {
  try {
    if (value === null || typeof value !== 'object') return false
    const v = value as { articles?: unknown; sections?: unknown; bureau?: unknown }
    return typeof v.articles === 'object' && v.articles !== null && typeof v.sections === 'object' && v.sections !== null && typeof v.bureau === 'object'
  } catch {
    return false // a revoked Proxy, a throwing getter: not a rule set the loader made
  }
}

function checked(fn: string, spec: ArgumentSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'data':
      return typed(fn, spec, snapshotInput(value, spec.name))
    case 'callbacks':
      return typed(fn, spec, snapshotInput(value, spec.name, { functions: true }))
    case 'ruleSet':
      if (spec.optional && value === undefined) return value
      if (isRuleSetShaped(value)) return value
      throw xiaobaoError(
        'invalid_input',
        `${fn} 的 ${spec.name} 不是已加载的规则集（请用 loadRuleSet、parseRuleSet 或 defaultRuleSet 得到）。`,
        `${fn}: ${spec.name} is not a loaded rule set (get one from loadRuleSet, parseRuleSet or defaultRuleSet).`,
        { path: [spec.name] },
      )
    case 'object':
      if (spec.optional && value === undefined) return value
      if (value !== null && (typeof value === 'object' || typeof value === 'function')) return value
      throw xiaobaoError('invalid_input', `${fn} 的 ${spec.name} 应为对象。`, `${fn}: ${spec.name} must be an object.`, { path: [spec.name] })
  }
}

/**
 * `fn` with its arguments taken as `args` says (an argument past the list is `data`) and every error
 * that is not a `XiaobaoError` turned into one (`internal_error`, the cause kept). A rejected promise
 * is turned the same way. The type of `fn` is unchanged.
 */
export function publicFunction<F extends (...args: never[]) => unknown>(fn: F, args: readonly ArgumentSpec[]): F {
  const name = fn.name
  const guarded = function (this: unknown, ...values: unknown[]): unknown {
    return typedErrors(() => {
      const copies: unknown[] = new Array(values.length)
      for (let i = 0; i < values.length; i++) copies[i] = checked(name, args[i] ?? { name: `argument ${i + 1}`, kind: 'data' }, values[i])
      return (fn as unknown as (...a: unknown[]) => unknown).apply(this, copies)
    })
  }
  Object.defineProperty(guarded, 'name', { value: name })
  Object.defineProperty(guarded, 'length', { value: fn.length })
  return guarded as unknown as F
}

/**
 * An async generator function made public the same way: its arguments checked when it is called (so a
 * bad argument throws at once), and any error while it runs turned into a `XiaobaoError`.
 */
export function publicGenerator<A extends unknown[], T>(fn: (...args: A) => AsyncGenerator<T>, check: (...args: A) => A): (...args: A) => AsyncGenerator<T> {
  const guarded = (...values: A): AsyncGenerator<T> => {
    const args = typedErrors(() => check(...values))
    return (async function* () {
      try {
        yield* fn(...args)
      } catch (error) {
        throw asXiaobaoError(error)
      }
    })()
  }
  Object.defineProperty(guarded, 'name', { value: fn.name })
  return guarded
}
