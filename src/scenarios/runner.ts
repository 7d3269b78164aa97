/**
 * The one scenario runner. Each capability's scenario target says which scenarios a rule set holds,
 * how to run one on a host (an `Engine`, seen structurally so capabilities need not import it) and how
 * to compare the outcome with the expectation; this runs them all with one result type. Printing is
 * apart, in `reporters.ts` (OPA splits `tester/runner.go` from `tester/reporter.go` the same way).
 */
import { XiaobaoError } from '../problems/XiaobaoError.js'

/** `file:line:col` (the loader's `SourceLocation`; written out so the runner imports nothing above it). */
export interface SourceLocation {
  file: string
  line: number
  col: number
}

/** One thing that differed: where in the expectation, what was expected, what came out. */
export interface ScenarioFailure {
  /** The expectation's field, e.g. `lead`, `findings`, `EX-1 mediation dueOn`, or `error`. */
  path: string
  expected: unknown
  actual: unknown
  /** The same in words, Chinese with English alongside: `lead: 期望 food-circulation，实际 catering-food`. */
  message: string
}

export const failure = (path: string, expected: unknown, actual: unknown, message: string): ScenarioFailure => ({ path, expected, actual, message })

/** The result of one scenario, whatever its target. */
export interface ScenarioRun<R = unknown> {
  name: string
  /** `file:line:col` of the scenario. */
  at: SourceLocation
  /** `route`, `meeting`, `escalations`, … */
  target: string
  passed: boolean
  failures: ScenarioFailure[]
  /** The outcome when the call returned. */
  result?: R
  /** The typed error when the call threw one (a scenario may expect it). */
  error?: { code: string; message: string }
  /** A measured scenario (field corpus): a miss counts against the file's accuracy, not as a failure. */
  measured?: Measured
}

/** How a measured scenario counts: whether it is in the frozen part, and the thresholds of its file. */
export interface Measured {
  frozen: boolean
  minAccuracy: number
  minFrozenAccuracy?: number
  /**
   * Set when a name filter ran only part of the scenario's file: the file's thresholds are about the
   * whole file, so they are not judged on the part (the misses are still shown and counted).
   */
  partial?: boolean
}

/** What a scenario target contributes to the runner (declared by its capability). */
export interface ScenarioRunner<S extends { name: string; at: SourceLocation } = any, R = any, H = any> {
  target: string
  /** The target's scenarios in a rule set. */
  scenarios(ruleSet: any): readonly S[]
  /** Runs one scenario on the host. */
  run(host: H, scenario: S): Promise<R>
  /** Compares the outcome (or the typed error) with the expectation. */
  compare(scenario: S, result: R | undefined, error: XiaobaoError | undefined): ScenarioFailure[]
  /** Whether the scenario is measured (a field corpus) rather than passed or failed on its own. */
  measured?(scenario: S): Measured | undefined
  /**
   * Lines for `xiaobao test --coverage` on what the target's scenarios reached, when the rule-set
   * analysis does not already cover it (escalations: the deadlines and ladder levels reached).
   */
  coverage?(ruleSet: any, runs: readonly ScenarioRun<R>[]): string[]
}

/** Runs one scenario: a typed `XiaobaoError` is an outcome (a scenario may expect one), anything else is thrown. */
export async function runOne<S extends { name: string; at: SourceLocation }, R, H>(runner: ScenarioRunner<S, R, H>, host: H, scenario: S): Promise<ScenarioRun<R>> {
  let result: R | undefined
  let error: XiaobaoError | undefined
  try {
    result = await runner.run(host, scenario)
  } catch (caught) {
    if (caught instanceof XiaobaoError) error = caught
    else throw caught
  }
  const failures = runner.compare(scenario, result, error)
  const measured = runner.measured?.(scenario)
  return {
    name: scenario.name,
    at: scenario.at,
    target: runner.target,
    passed: failures.length === 0,
    failures,
    ...(result !== undefined ? { result } : {}),
    ...(error ? { error: { code: String(error.code), message: error.issues[0].message } } : {}),
    ...(measured ? { measured } : {}),
  }
}

/**
 * Runs every scenario of every target, target by target, each in file order.
 * @param filter keeps the scenarios whose name contains it
 */
export async function runScenarioTargets(host: { ruleSet: unknown }, runners: readonly ScenarioRunner[], filter?: string): Promise<ScenarioRun[]> {
  const out: ScenarioRun[] = []
  const skippedFiles = new Set<string>()
  for (const runner of runners) {
    for (const scenario of runner.scenarios(host.ruleSet)) {
      if (filter && !scenario.name.includes(filter)) {
        skippedFiles.add(scenario.at.file)
        continue
      }
      out.push(await runOne(runner, host, scenario))
    }
  }
  // A measured file the filter cut: its thresholds are not judged on the part that ran.
  return out.map((run) => (run.measured && skippedFiles.has(run.at.file) ? { ...run, measured: { ...run.measured, partial: true } } : run))
}
