/**
 * Reporters for the one scenario runner, apart from running: the readable text `xiaobao test` prints,
 * JSON, and JUnit XML for a CI to show.
 */
import type { ScenarioRun } from './runner.js'
import { measureRuns, overallAccuracy, percent } from './accuracy.js'

/**
 * `showFrozen: false` seals the frozen part of a field corpus: its scenarios count into the accuracy but are
 * not listed one by one (which of them the rules miss), so whoever tunes the rules cannot tune to them —
 * the point of freezing them (issue 10). `xiaobao test` seals unless `--show-frozen`; the default here is
 * to list everything.
 */
export interface ReportOptions {
  showFrozen?: boolean
}

const sealed = (r: ScenarioRun, options: ReportOptions) => options.showFrozen === false && r.measured?.frozen === true

/** The line that stands for a file's sealed frozen scenarios. */
export const sealedLine = (n: number) => `  … 冻结的 ${n} 件只计入正确率，不逐条列出（--show-frozen 列出）/ ${n} frozen scenarios are counted, not listed (--show-frozen lists them)\n`

/**
 * The readable report: results grouped by file, a ✓ or ✗ per scenario with its failures, and the closing
 * line `N passed, M failed`. `file` turns a rule-file path into what to print (e.g. joined to the folder).
 */
export function formatText(runs: readonly ScenarioRun[], file: (path: string) => string = (p) => p, options: ReportOptions = {}): string {
  let out = ''
  let current = ''
  let hidden = 0
  for (const r of runs) {
    if (r.at.file !== current) {
      if (hidden > 0) out += sealedLine(hidden)
      hidden = 0
      current = r.at.file
      out += `\n${file(current)}${r.measured ? '  （实地语料，按正确率衡量 / field corpus, measured）' : ''}\n`
    }
    if (sealed(r, options)) {
      hidden++
      continue
    }
    // A measured scenario that missed is a miss (·), counted into the file's accuracy, not a failure.
    const mark = r.passed ? '✓' : r.measured ? '·' : '✗'
    out += `  ${mark} ${r.name}${r.passed ? '' : `  (${file(r.at.file)}:${r.at.line})`}${r.measured?.frozen ? '  [冻结 frozen]' : ''}\n`
    for (const f of r.failures) out += `      ${f.message}\n`
  }
  if (hidden > 0) out += sealedLine(hidden)
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

/** JSON: each scenario's name, place, verdict, failures `{ path, expected, actual, message }` and error (sealed frozen scenarios left out). */
export function formatJson(runs: readonly ScenarioRun[], options: ReportOptions = {}): string {
  return JSON.stringify(runs.filter((r) => !sealed(r, options)).map((r) => ({ name: r.name, at: r.at, passed: r.passed, failures: r.failures, ...(r.error ? { error: r.error } : {}), ...(r.measured ? { measured: r.measured } : {}) })), null, 2) + '\n'
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v))

/** JUnit XML: one `<testsuite>` per scenario file, one `<testcase>` per scenario (classname: its target). */
export function formatJunit(runs: readonly ScenarioRun[], file: (path: string) => string = (p) => p, options: ReportOptions = {}): string {
  const files = [...new Set(runs.map((r) => r.at.file))]
  const listed = runs.filter((r) => !sealed(r, options))
  const failed = listed.filter((r) => !r.passed && !r.measured).length
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="xiaobao" tests="${listed.length}" failures="${failed}" errors="0">\n`
  for (const path of files) {
    const cases = listed.filter((r) => r.at.file === path)
    const hidden = runs.filter((r) => r.at.file === path && sealed(r, options)).length
    out += `  <testsuite name="${xml(file(path))}" tests="${cases.length}" failures="${cases.filter((r) => !r.passed && !r.measured).length}" skipped="${cases.filter((r) => !r.passed && r.measured).length}" errors="0">\n`
    if (hidden > 0) out += `    <!-- ${xml(sealedLine(hidden).trim().replace(/--/g, '- -'))} -->\n`
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
