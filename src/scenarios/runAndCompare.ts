/**
 * The step every scenario target shares: run the call, keep a typed `XiaobaoError` as the outcome
 * (a scenario may expect one), compare with the expectation, report what differed.
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'
import type { SourceLocation } from '../ruleset/types.js'

export interface ScenarioOutcome {
  name: string
  at: SourceLocation
  passed: boolean
  /** What differed, in Chinese with English alongside. */
  failures: string[]
  error?: { code: string; message: string }
}

export async function runAndCompare<S extends { name: string; at: SourceLocation }, T>(
  scenario: S,
  run: () => Promise<T>,
  compare: (scenario: S, result: T | undefined, error: XiaobaoError | undefined) => string[],
): Promise<ScenarioOutcome & { result?: T }> {
  let result: T | undefined
  let error: XiaobaoError | undefined
  try {
    result = await run()
  } catch (caught) {
    if (caught instanceof XiaobaoError) error = caught
    else throw caught
  }
  const failures = compare(scenario, result, error)
  return {
    name: scenario.name,
    at: scenario.at,
    passed: failures.length === 0,
    failures,
    ...(result !== undefined ? { result } : {}),
    ...(error ? { error: { code: String(error.code), message: error.issues[0].message } } : {}),
  }
}
