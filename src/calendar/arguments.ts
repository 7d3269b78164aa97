/**
 * Checks of the calendar functions' arguments. A wrong argument is an `invalid_input` XiaobaoError with
 * the parameter's name, never a TypeError, a NaN date or a loop that does not end.
 *
 * Written by hand, not with zod: these checks run behind every `isWorkingDay`, and an app that imports
 * only the calendar should not carry zod (~95 KB of a browser bundle; zod/mini still ~17 KB, which left
 * the bundle over its 100 KB budget: test/bundle.test.ts). They accept exactly what the zod schemas they
 * replace accept (`isoDate`, `z.number().int()`, the options' `z.strictObject(…).optional()`), which
 * `arguments.test.ts` checks against zod with fast-check. The messages were always ours, not zod's.
 */
import { isRealDate } from '../dates/isoDay.js'
import { xiaobaoError } from '../problems/XiaobaoError.js'

/** Largest |n| for day counts: 10000 working days is about 40 years. */
export const MAX_DAY_COUNT = 10000
/** The date range every calendar date must lie in (the range `isoDate` accepts). */
export const FIRST_YEAR = 1900
export const LAST_YEAR = 2200

const CALENDAR_OPTIONS = ['provisional'] as const
const ADD_OPTIONS = ['provisional', 'countStartDay'] as const

/** As the rule files' `isoDate` (src/ruleset/schemas.ts): a string that is a real date, 1900 to 2200. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && isRealDate(value)
}

/** As `z.number().int()`: a number without a fraction, within the safe integers (zod's `int` is `safeint`). */
export function isInteger(value: unknown): value is number {
  return Number.isSafeInteger(value)
}

/**
 * As `z.strictObject({ [key]: z.boolean().optional(), … }).optional()`: undefined, or an object (not
 * null, not an array) with no enumerable key but `keys` (counted by `for…in`, as zod does), each true,
 * false or undefined. Returns the options given (`{}` for undefined), or undefined when the value is not
 * valid.
 */
export function booleanOptions<K extends string>(value: unknown, keys: readonly K[]): { [P in K]?: boolean } | undefined {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  for (const key in value) if (!(keys as readonly string[]).includes(key)) return undefined
  const options: { [P in K]?: boolean } = {}
  for (const key of keys) {
    const option: unknown = (value as Record<string, unknown>)[key]
    if (option === undefined) continue
    if (typeof option !== 'boolean') return undefined
    options[key] = option
  }
  return options
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value)
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value
  try {
    const text = JSON.stringify(value)
    if (text === undefined) return String(value)
    return text.length > 60 ? text.slice(0, 57) + '...' : text
  } catch {
    return Object.prototype.toString.call(value)
  }
}

export function checkDate(value: unknown, name: string): string {
  if (isIsoDate(value)) return value
  throw xiaobaoError(
    'invalid_input',
    `参数 ${name} 应为 YYYY-MM-DD 格式的真实日期（${FIRST_YEAR} 至 ${LAST_YEAR} 年），收到 ${show(value)}。`,
    `${name} must be a real date written YYYY-MM-DD (years ${FIRST_YEAR} to ${LAST_YEAR}); got ${show(value)}.`,
    { path: [name] },
  )
}

export function checkInteger(value: unknown, name: string, min: number, max: number, what: string, whatEn: string): number {
  if (isInteger(value) && value >= min && value <= max) return value
  throw xiaobaoError(
    'invalid_input',
    `参数 ${name}（${what}）应为 ${min} 至 ${max} 之间的整数，收到 ${show(value)}。`,
    `${name} (${whatEn}) must be an integer from ${min} to ${max}; got ${show(value)}.`,
    { path: [name] },
  )
}

export function checkOptions(value: unknown): { provisional?: boolean | undefined } {
  const options = booleanOptions(value, CALENDAR_OPTIONS)
  if (options) return options
  throw optionsError(value, 'provisional')
}

export function checkAddOptions(value: unknown): { provisional?: boolean | undefined; countStartDay?: boolean | undefined } {
  const options = booleanOptions(value, ADD_OPTIONS)
  if (options) return options
  throw optionsError(value, 'provisional、countStartDay')
}

function optionsError(value: unknown, known: string) {
  return xiaobaoError(
    'invalid_input',
    `选项 opts 不合法：${show(value)}。可用的选项只有 ${known}，值为 true 或 false。`,
    `opts is not valid: ${show(value)}. The only options are ${known.replace('、', ', ')}, each true or false.`,
    { path: ['opts'] },
  )
}

/** A computed date left the supported range. */
export function outOfRangeError(year: number) {
  return xiaobaoError(
    'invalid_input',
    `计算结果落在 ${year} 年，超出支持的范围（${FIRST_YEAR} 至 ${LAST_YEAR} 年）。请检查天数。`,
    `The result falls in ${year}, outside the supported range (${FIRST_YEAR} to ${LAST_YEAR}). Check the number of days.`,
  )
}
