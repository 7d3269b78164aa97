/**
 * Reporters for the one scenario runner, apart from running: the readable text `xiaobao test` prints,
 * JSON, and JUnit XML for a CI to show.
 */
import type { ScenarioRun } from './runner.js'
import { measureRuns, overallAccuracy, percent } from './accuracy.js'

/**
 * The readable report: results grouped by file, a ✓ or ✗ per scenario with its failures, and the closing
 * line `N passed, M failed`. `file` turns a rule-file path into what to print (e.g. joined to the folder).
 */
export function formatText(runs: readonly ScenarioRun[], file: (path: string) => string = (p) => p): string {
  let out = ''
  let current = ''
  for (const r of runs) {
    if (r.at.file !== current) {
      current = r.at.file
      out += `\n${file(current)}${r.measured ? '  （实地语料，按正确率衡量 / field corpus, measured）' : ''}\n`
    }
    // A measured scenario that missed is a miss (·), counted into the file's accuracy, not a failure.
    const mark = r.passed ? '✓' : r.measured ? '·' : '✗'
    out += `  ${mark} ${r.name}${r.passed ? '' : `  (${file(r.at.file)}:${r.at.line})`}${r.measured?.frozen ? '  [冻结 frozen]' : ''}\n`
    for (const f of r.failures) out += `      ${f.message}\n`
  }
  const measured = measureRuns(runs)
  if (measured.length > 0) {
    out += `\n实地语料正确率 / field accuracy\n`
    for (const m of measured) {
      const need = m.partial
        ? '只运行了按名称筛出的部分，不判阈值 / filtered: part of the file ran, thresholds not judged'
        : `要求 required ≥ ${(m.minAccuracy * 100).toFixed(0)}%${m.minFrozenAccuracy !== undefined ? `，冻结 frozen ≥ ${(m.minFrozenAccuracy * 100).toFixed(0)}%` : ''}`
      out += `  ${m.partial ? '·' : m.met ? '✓' : '✗'} ${file(m.file)}: 全部 all ${percent(m.all)}；冻结 frozen ${percent(m.frozen)}；调优 tuned ${percent(m.tuned)}（${need}）\n`
    }
    const total = overallAccuracy(runs)
    out += `  合计 total: 全部 all ${percent(total.all)}；冻结 frozen ${percent(total.frozen)}；调优 tuned ${percent(total.tuned)}\n`
  }
  const plain = runs.filter((r) => !r.measured)
  const judged = measured.filter((m) => !m.partial)
  const failed = plain.filter((r) => !r.passed).length + judged.filter((m) => !m.met).length
  const passed = plain.length - plain.filter((r) => !r.passed).length + judged.filter((m) => m.met).length
  return out + `\n${passed} passed, ${failed} failed\n`
}

/** Whether a run of scenarios passes: every plain scenario passed and every measured file met its thresholds. */
export function runsPassed(runs: readonly ScenarioRun[]): boolean {
  return runs.every((r) => r.measured || r.passed) && measureRuns(runs).every((m) => m.met)
}

/** JSON: each scenario's name, place, verdict, failures `{ path, expected, actual, message }` and error. */
export function formatJson(runs: readonly ScenarioRun[]): string {
  return JSON.stringify(runs.map((r) => ({ name: r.name, at: r.at, passed: r.passed, failures: r.failures, ...(r.error ? { error: r.error } : {}), ...(r.measured ? { measured: r.measured } : {}) })), null, 2) + '\n'
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v))

/** JUnit XML: one `<testsuite>` per scenario file, one `<testcase>` per scenario (classname: its target). */
export function formatJunit(runs: readonly ScenarioRun[], file: (path: string) => string = (p) => p): string {
  const files = [...new Set(runs.map((r) => r.at.file))]
  const failed = runs.filter((r) => !r.passed && !r.measured).length
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="xiaobao" tests="${runs.length}" failures="${failed}" errors="0">\n`
  for (const path of files) {
    const cases = runs.filter((r) => r.at.file === path)
    out += `  <testsuite name="${xml(file(path))}" tests="${cases.length}" failures="${cases.filter((r) => !r.passed && !r.measured).length}" skipped="${cases.filter((r) => !r.passed && r.measured).length}" errors="0">\n`
    for (const r of cases) {
      const head = `    <testcase classname="${xml(r.target)}" name="${xml(r.name)}" file="${xml(file(path))}" line="${r.at.line}"`
      if (r.passed) {
        out += `${head}/>\n`
        continue
      }
      if (r.measured) {
        out += `${head}>\n      <skipped message="${xml(`实地语料未命中，计入正确率 / field miss, counted into the accuracy: ${r.failures.map((f) => f.message).join('; ')}`)}"/>\n    </testcase>\n`
        continue
      }
      out += `${head}>\n`
      for (const f of r.failures) {
        out += `      <failure message="${xml(f.message)}" type="${xml(f.path)}">${xml(`${f.path}: expected ${show(f.expected)}, actual ${show(f.actual)}`)}</failure>\n`
      }
      out += `    </testcase>\n`
    }
    out += `  </testsuite>\n`
  }
  return out + `</testsuites>\n`
}
