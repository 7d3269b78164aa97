/**
 * Reporters for the one scenario runner, apart from running: the readable text `xiaobao test` prints,
 * JSON, and JUnit XML for a CI to show.
 */
import type { ScenarioRun } from './runner.js'

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
      out += `\n${file(current)}\n`
    }
    out += `  ${r.passed ? '✓' : '✗'} ${r.name}${r.passed ? '' : `  (${file(r.at.file)}:${r.at.line})`}\n`
    for (const f of r.failures) out += `      ${f.message}\n`
  }
  const failed = runs.filter((r) => !r.passed).length
  return out + `\n${runs.length - failed} passed, ${failed} failed\n`
}

/** JSON: each scenario's name, place, verdict, failures `{ path, expected, actual, message }` and error. */
export function formatJson(runs: readonly ScenarioRun[]): string {
  return JSON.stringify(runs.map((r) => ({ name: r.name, at: r.at, passed: r.passed, failures: r.failures, ...(r.error ? { error: r.error } : {}) })), null, 2) + '\n'
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v))

/** JUnit XML: one `<testsuite>` per scenario file, one `<testcase>` per scenario (classname: its target). */
export function formatJunit(runs: readonly ScenarioRun[], file: (path: string) => string = (p) => p): string {
  const files = [...new Set(runs.map((r) => r.at.file))]
  const failed = runs.filter((r) => !r.passed).length
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="xiaobao" tests="${runs.length}" failures="${failed}" errors="0">\n`
  for (const path of files) {
    const cases = runs.filter((r) => r.at.file === path)
    out += `  <testsuite name="${xml(file(path))}" tests="${cases.length}" failures="${cases.filter((r) => !r.passed).length}" errors="0">\n`
    for (const r of cases) {
      const head = `    <testcase classname="${xml(r.target)}" name="${xml(r.name)}" file="${xml(file(path))}" line="${r.at.line}"`
      if (r.passed) {
        out += `${head}/>\n`
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
