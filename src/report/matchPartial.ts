/**
 * Partial comparison for report scenarios: every key written in the expectation must match; lists must
 * have the same length and match item by item; other keys of the result are not looked at. Returns what
 * differed, one failure per difference, with its path (`summary.totals.records`).
 */
import { failure, type ScenarioFailure } from '../scenarios/runner.js'

const show = (value: unknown) => JSON.stringify(value) ?? '（无）'

export function matchPartial(expected: unknown, actual: unknown, path = 'summary'): ScenarioFailure[] {
  if (expected === null || typeof expected !== 'object') {
    return Object.is(expected, actual) ? [] : [failure(path, expected, actual, `${path}: 期望 ${JSON.stringify(expected)}，实际 ${show(actual)}`)]
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [failure(path, expected, actual, `${path}: 期望列表，实际 ${show(actual)}`)]
    if (expected.length !== actual.length) return [failure(`${path}.length`, expected.length, actual.length, `${path}: 期望 ${expected.length} 项，实际 ${actual.length} 项：${JSON.stringify(actual).slice(0, 300)}`)]
    return expected.flatMap((item, i) => matchPartial(item, actual[i], `${path}[${i}]`))
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [failure(path, expected, actual, `${path}: 期望对象，实际 ${show(actual)}`)]
  return Object.entries(expected).flatMap(([key, value]) =>
    value === undefined ? [] : matchPartial(value, (actual as Record<string, unknown>)[key], `${path}.${key}`),
  )
}
