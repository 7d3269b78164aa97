/**
 * Snapshots of every observable output, to prove a restructuring changes no byte: each scenario's
 * decision / findings / escalation entries (rules/ and test/fixtures/base), the parsed rule set, and the
 * CLI's output for every README command that runs on rules/ and examples/.
 *
 * `npm run snapshot:update` rewrites test/snapshots/; `test/snapshot.test.ts` compares against them.
 * Regenerate (and review the diff) whenever a change is meant to alter behaviour.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine } from '../../src/engine/createEngine.js'
import { loadRuleSet } from '../../src/node/loadRuleSet.js'
import { FIXTURES, RULES_DIR, runCli } from '../fixtures.js'

export const SNAPSHOT_DIR = new URL('../snapshots/', import.meta.url).pathname

/** The README's commands on rules/ and examples/ (each run in-process from the repository root). */
export const CLI_COMMANDS: { name: string; args: string[]; stdin?: string }[] = [
  { name: 'route-ndjson', args: ['route', 'examples/complaints.ndjson'] },
  { name: 'route-json', args: ['route', 'examples/complaint.json'] },
  { name: 'route-explain', args: ['route', 'examples/complaint.json', '--explain'] },
  { name: 'route-reference', args: ['route', 'examples/complaints.ndjson', '--evaluator', 'reference'] },
  { name: 'route-stdin', args: ['route', '-'], stdin: 'examples/complaints.ndjson' },
  { name: 'route-compact', args: ['route', 'examples/complaints.ndjson', '--format', 'compact'] },
  { name: 'help-route', args: ['help', 'route'] },
  { name: 'lint', args: ['lint', 'rules'] },
  { name: 'lint-json', args: ['lint', 'rules', '--json'] },
  { name: 'test', args: ['test', 'rules'] },
  { name: 'test-json', args: ['test', 'rules', '--json'] },
  { name: 'test-coverage', args: ['test', 'rules', '--coverage'] },
  { name: 'check-meeting', args: ['check-meeting', 'examples/meeting-record.yaml'] },
  { name: 'check-meeting-json', args: ['check-meeting', 'examples/meeting-record.yaml', '--json'] },
  { name: 'escalations', args: ['escalations', 'examples/tracked-items.json', '--as-of', '2026-10-20'] },
  { name: 'escalations-provisional', args: ['escalations', 'examples/tracked-items.json', '--as-of', '2026-12-10', '--provisional'] },
  { name: 'escalations-json', args: ['escalations', '-', '--as-of', '2026-10-20', '--json'], stdin: 'examples/tracked-items.json' },
  { name: 'calendar-2026', args: ['calendar', '2026'] },
  { name: 'calendar-2027-provisional-json', args: ['calendar', '2027', '--provisional', '--json'] },
  { name: 'analyze', args: ['analyze', 'rules'] },
  { name: 'analyze-markdown', args: ['analyze', 'rules', '--format', 'markdown'] },
  { name: 'analyze-json', args: ['analyze', 'rules', '--json'] },
  { name: 'analyze-as-of', args: ['analyze', 'rules', '--as-of', '2026-06-30'] },
  { name: 'report', args: ['report', 'examples/records.ndjson', '--from', '2026-01-01', '--to', '2026-06-30', '--compare-with', '2025-07-01..2025-12-31'] },
  { name: 'report-public-json', args: ['report', 'examples/records.ndjson', '--from', '2026-01-01', '--to', '2026-06-30', '--json', '--audience', 'public'] },
  { name: 'help', args: ['--help'] },
  { name: 'lint-invalid-fixture', args: ['lint', 'test/fixtures/invalid'] },
]

const root = new URL('../..', import.meta.url).pathname

async function cliSnapshots(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const c of CLI_COMMANDS) {
    const stdin = c.stdin ? await readFile(join(root, c.stdin), 'utf8') : ''
    const r = await runCli(c.args, stdin)
    out[`cli/${c.name}.txt`] = `$ xiaobao ${c.args.join(' ')}${c.stdin ? ` < ${c.stdin}` : ''}\nexit ${r.code}\n--- stdout\n${r.out}--- stderr\n${r.err}`.replaceAll(root, '<root>/')
  }
  // analyze --html and schema write files: snapshot what they write.
  const tmp = await mkdtemp(join(tmpdir(), 'xiaobao-snap-'))
  try {
    const html = await runCli(['analyze', 'rules', '--html', join(tmp, 'report.html')])
    out['cli/analyze-html.txt'] = `exit ${html.code}\n--- stdout\n${html.out.replaceAll(tmp, '<tmp>')}--- stderr\n${html.err.replaceAll(tmp, '<tmp>')}--- report.html\n${await readFile(join(tmp, 'report.html'), 'utf8')}`
    // `xiaobao schema <rules-dir>` writes <rules-dir>/schemas from that folder's own names: run it on a copy of rules/.
    await cp(join(root, 'rules'), join(tmp, 'rules'), { recursive: true, filter: (src) => !src.includes(`${join(root, 'rules', 'schemas')}`) })
    const schema = await runCli(['schema', join(tmp, 'rules')])
    let text = `exit ${schema.code}\n--- stdout\n${schema.out.replaceAll(tmp, '<tmp>')}--- stderr\n${schema.err.replaceAll(tmp, '<tmp>')}`
    for (const f of (await readdir(join(tmp, 'rules', 'schemas'))).sort()) text += `--- ${f}\n${await readFile(join(tmp, 'rules', 'schemas', f), 'utf8')}`
    out['cli/schema.txt'] = text
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  return out
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n'
const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex')

async function scenarioSnapshots(label: string, dir: string): Promise<Record<string, string>> {
  const ruleSet = await loadRuleSet(dir)
  const engine = createEngine({ rules: ruleSet })
  const reference = createEngine({ rules: ruleSet, evaluator: 'reference' })
  const outcome = async <T>(f: () => Promise<T> | T) => {
    try {
      return { result: await f() }
    } catch (error) {
      return { error: JSON.parse(JSON.stringify(error, ['name', 'code', 'message', 'issues', 'severity', 'messageEn', 'file', 'line', 'col', 'path'])) }
    }
  }
  const routing: unknown[] = []
  // The frozen part of the field corpus is sealed here as in `xiaobao test`: one digest of all its results (any
  // change still shows), not which frozen text gets which answer (whoever tunes the rules must not see that).
  const sealed: unknown[] = []
  for (const s of ruleSet.scenarios) {
    ;(s.frozen === true && s.measure ? sealed : routing).push({
      scenario: `${s.at.file}:${s.at.line} ${s.name}`,
      ...(await outcome(() => engine.routeComplaint(s.input as never))),
      // The explained decisions are large: keep a digest, and say whether the other paths agree.
      explainedSha256: digest(await outcome(() => engine.routeComplaint(s.input as never, { explain: true }))),
      referenceExplainedSha256: digest(await outcome(() => reference.routeComplaint(s.input as never, { explain: true }))),
      syncSha256: digest(await outcome(() => engine.routeComplaintSync(s.input as never))),
    })
  }
  if (sealed.length > 0) routing.push({ scenario: `frozen field scenarios, sealed (${sealed.length})`, resultsSha256: digest(sealed) })
  const meetings: unknown[] = []
  for (const s of ruleSet.meetingScenarios ?? []) {
    meetings.push({ scenario: `${s.at.file}:${s.at.line} ${s.name}`, ...(await outcome(() => engine.checkMeetingDecision(s.input as never))) })
  }
  const escalations: unknown[] = []
  for (const s of ruleSet.escalationScenarios ?? []) {
    const options = { asOf: s.asOf, ...(s.provisional !== undefined ? { provisional: s.provisional } : {}) }
    escalations.push({ scenario: `${s.at.file}:${s.at.line} ${s.name}`, ...(await outcome(() => engine.computeEscalations(s.items as never, options))) })
  }
  const report: unknown[] = []
  for (const s of ruleSet.reportScenarios ?? []) {
    const options = { from: s.from, to: s.to, ...(s.compareWith ? { compareWith: s.compareWith } : {}), ...(s.audience ? { audience: s.audience } : {}), ...(s.provisional !== undefined ? { provisional: s.provisional } : {}) }
    report.push({ scenario: `${s.at.file}:${s.at.line} ${s.name}`, ...(await outcome(() => engine.summarizeRecords(s.records, options))) })
  }
  return {
    [`${label}/routing.json`]: json(routing),
    [`${label}/meetings.json`]: json(meetings),
    [`${label}/escalations.json`]: json(escalations),
    [`${label}/report.json`]: json(report),
    [`${label}/ruleset.json`]: json(ruleSet),
  }
}

/** Every snapshot, keyed by its path under test/snapshots/. */
export async function collectSnapshots(): Promise<Record<string, string>> {
  return {
    ...(await scenarioSnapshots('rules', RULES_DIR)),
    ...(await scenarioSnapshots('base', FIXTURES + 'base')),
    ...(await cliSnapshots()),
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!) && process.argv.includes('--update')) {
  const { mkdir, writeFile } = await import('node:fs/promises')
  await rm(SNAPSHOT_DIR, { recursive: true, force: true })
  const snaps = await collectSnapshots()
  for (const [name, text] of Object.entries(snaps)) {
    await mkdir(join(SNAPSHOT_DIR, name, '..'), { recursive: true })
    await writeFile(join(SNAPSHOT_DIR, name), text)
  }
  console.log(`${Object.keys(snaps).length} snapshots written to test/snapshots/`)
}
