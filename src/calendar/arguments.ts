/**
 * Checks of the calendar functions' arguments. A wrong argument is an `invalid_input` XiaobaoError with
 * the parameter's name, never a TypeError, a NaN date or a loop that does not end.
 */
import * as z from 'zod'
import { xiaobaoError } from '../problems/XiaobaoError.js'
import { isoDate } from '../ruleset/schemas.js'

/** Largest |n| for day counts: 10000 working days is about 40 years. */
export const MAX_DAY_COUNT = 10000
/** The date range every calendar date must lie in (the range `isoDate` accepts). */
export const FIRST_YEAR = 1900
export const LAST_YEAR = 2200

const calendarOptions = z.strictObject({ provisional: z.boolean().optional() }).optional()
const addOptions = z.strictObject({ provisional: z.boolean().optional(), countStartDay: z.boolean().optional() }).optional()

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
  if (isoDate.safeParse(value).success) return value as string
  throw xiaobaoError(
    'invalid_input',
    `参数 ${name} 应为 YYYY-MM-DD 格式的真实日期（${FIRST_YEAR} 至 ${LAST_YEAR} 年），收到 ${show(value)}。`,
    `${name} must be a real date written YYYY-MM-DD (years ${FIRST_YEAR} to ${LAST_YEAR}); got ${show(value)}.`,
    { path: [name] },
  )
}

const integer = z.number().int()

export function checkInteger(value: unknown, name: string, min: number, max: number, what: string, whatEn: string): number {
  if (integer.safeParse(value).success && (value as number) >= min && (value as number) <= max) return value as number
  throw xiaobaoError(
    'invalid_input',
    `参数 ${name}（${what}）应为 ${min} 至 ${max} 之间的整数，收到 ${show(value)}。`,
    `${name} (${whatEn}) must be an integer from ${min} to ${max}; got ${show(value)}.`,
    { path: [name] },
  )
}

export function checkOptions(value: unknown): { provisional?: boolean | undefined } {
  const parsed = calendarOptions.safeParse(value)
  if (parsed.success) return parsed.data ?? {}
  throw optionsError(value, 'provisional')
}

export function checkAddOptions(value: unknown): { provisional?: boolean | undefined; countStartDay?: boolean | undefined } {
  const parsed = addOptions.safeParse(value)
  if (parsed.success) return parsed.data ?? {}
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
