/**
 * 测试场景: runs every scenario file (routing, meeting, escalation) with the core's own runners, as
 * `xiaobao test` does, on the rules as they stand in the editor, and shows the failures and the test
 * coverage (`analyzeRuleSet`, as `xiaobao test --coverage`).
 */
import { analyzeRuleSet, runEscalationScenarios, runMeetingScenarios, runScenarios, type Analysis, type ScenarioRecord, type SourceLocation } from '../index.js'
import { failureText, h, replace } from './dom.js'
import type { RuleState } from './ruleState.js'

export interface ScenarioActions {
  openAt(file: string, line: number, col: number): void
  tryScenario(scenario: ScenarioRecord): void
  /** After each run: how many passed of how many. */
  ran(passed: number, total: number): void
}

export interface ScenariosView {
  element: HTMLElement
  run(): Promise<void>
}

interface Row {
  name: string
  at: SourceLocation
  passed: boolean
  failures: readonly unknown[]
  target: '分办' | '会议' | '期限'
}

export function scenariosView(state: RuleState, actions: ScenarioActions): ScenariosView {
  const runButton = h('button', { type: 'button', id: 'run-scenarios', class: 'primary' }, '运行全部场景 / Run all scenarios')
  const filter = h('input', { type: 'search', id: 'scenario-filter', placeholder: '只运行名称含…的场景 / filter by name' })
  const summary = h('div', { class: 'scenario-summary', id: 'scenario-summary' }, '尚未运行 / not run yet')
  const failures = h('div', { id: 'scenario-failures' })
  const coverage = h('div', { class: 'coverage', id: 'coverage' })
  const passed = h('div', { id: 'scenario-passed' })
  let runs = 0

  const where = (at: SourceLocation) => h('a', { href: '#', class: 'location', onclick: (e: Event) => (e.preventDefault(), actions.openAt(at.file, at.line, at.col)) }, `${at.file}:${at.line}`)

  async function run(): Promise<void> {
    const engine = state.engine
    if (!engine) {
      replace(summary, h('p', { class: 'error' }, '规则还没有一次检查通过，无法运行场景。'))
      return
    }
    runButton.disabled = true
    const q = filter.value.trim()
    const pick = <T extends { name: string }>(list: readonly T[] | undefined) => (list ?? []).filter((s) => !q || s.name.includes(q))
    const rs = engine.ruleSet
    const scenarios = pick(rs.scenarios)
    // The field corpus (files with `measure:`) is measured by accuracy, not passed one by one, as in `xiaobao test`.
    const plainScenarios = scenarios.filter((s) => !s.measure)
    const fieldScenarios = scenarios.filter((s) => s.measure)
    const meetingScenarios = pick(rs.meetingScenarios)
    const field = fieldScenarios.length ? await runScenarios(engine, fieldScenarios) : []
    const rows: Row[] = [
      ...(await runScenarios(engine, plainScenarios)).map((r) => ({ ...r, target: '分办' as const })),
      ...(await runMeetingScenarios(engine, meetingScenarios)).map((r) => ({ ...r, target: '会议' as const })),
      ...(await runEscalationScenarios(engine, pick(rs.escalationScenarios))).map((r) => ({ ...r, target: '期限' as const })),
    ]
    runs++
    const failed = rows.filter((r) => !r.passed)
    replace(
      summary,
      state.engineIsCurrent ? null : h('p', { class: 'warning' }, '规则文件有错误：这里用的是上一次检查通过的规则。/ The rules have errors: this ran the last rules that loaded.'),
      h(
        'p',
        { class: failed.length ? 'error big' : 'ok big', id: 'scenario-counts', 'data-run': String(runs) },
        `${rows.length} 个场景：${rows.length - failed.length} 通过，${failed.length} 失败`,
        h('span', { class: 'en' }, ` / ${rows.length - failed.length} passed, ${failed.length} failed`),
      ),
      field.length
        ? h(
            'p',
            { class: 'field-accuracy', id: 'field-accuracy' },
            `实地语料 ${field.length} 件：正确 ${field.filter((r) => r.passed).length}（${((100 * field.filter((r) => r.passed).length) / field.length).toFixed(1)}%），按正确率衡量，不计入通过/失败。`,
            h('span', { class: 'en' }, ` / field corpus: ${field.filter((r) => r.passed).length} of ${field.length} right, measured by accuracy (see xiaobao test).`),
          )
        : null,
    )
    replace(
      failures,
      failed.length
        ? h(
            'ul',
            { class: 'failures' },
            ...failed.map((r) => {
              const scenario = r.target === '分办' ? rs.scenarios.find((s) => s.at.file === r.at.file && s.at.line === r.at.line) : undefined
              return h(
                'li',
                {},
                h('strong', {}, `✗ ${r.name}`),
                ' ',
                h('span', { class: 'target' }, r.target),
                ' ',
                where(r.at),
                scenario ? h('button', { type: 'button', class: 'small', onclick: () => actions.tryScenario(scenario) }, '在试分办中查看 / open') : null,
                h('ul', {}, ...r.failures.map((f) => h('li', {}, failureText(f)))),
              )
            }),
          )
        : null,
    )
    replace(
      passed,
      h('details', {}, h('summary', {}, `通过的场景 / passed (${rows.length - failed.length})`), h('ul', { class: 'passed' }, ...rows.filter((r) => r.passed).map((r) => h('li', {}, `✓ ${r.name} `, h('span', { class: 'target' }, r.target), ' ', where(r.at))))),
    )
    actions.ran(rows.length - failed.length, rows.length)
    renderCoverage(coverage, analyzeRuleSet(rs, { scenarios, meetingScenarios }), where)
    runButton.disabled = false
  }

  runButton.addEventListener('click', () => void run())
  filter.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void run()
  })
  const element = h('section', { class: 'scenarios', id: 'scenarios-view' }, h('div', { class: 'toolbar' }, runButton, filter), summary, failures, h('h2', {}, '测试覆盖 / coverage'), coverage, passed)
  return { element, run }
}

function bar(label: string, done: number, total: number): HTMLElement {
  const share = total === 0 ? 0 : done / total
  return h(
    'div',
    { class: 'bar' },
    h('span', { class: 'bar-label' }, label),
    h('span', { class: 'bar-track' }, h('span', { class: `bar-fill${share < 1 ? ' partial' : ''}`, style: `width: ${(share * 100).toFixed(1)}%` })),
    h('span', { class: 'bar-value' }, `${done}/${total}${total ? `（${Math.round(share * 100)}%）` : ''}`),
  )
}

function renderCoverage(element: HTMLElement, analysis: Analysis, where: (at: SourceLocation) => HTMLElement): void {
  const s = analysis.summary
  const c = analysis.coverage
  const neverFired = c.rules.filter((r) => r.fired === 0)
  const unreached = c.duties.filter((r) => r.routing === 'duty' && r.scenarios.length === 0)
  replace(
    element,
    bar('规则命中过 / rules fired', s.rules.fired, s.rules.total),
    bar('条件真假都有 / conditions both ways', s.conditions.bothWays, s.conditions.total),
    bar('分办职责有场景走到 / routing duties reached', s.duties.exercised, s.duties.routing),
    s.procedure ? bar('议事程序：有检查的项有场景走到 / procedure items with a check, reached', s.procedure.exercised, s.procedure.checked) : null,
    s.procedure && s.procedure.items > s.procedure.checked
      ? h('p', { class: 'note' }, `议事程序另有 ${s.procedure.items - s.procedure.checked} 项没有对应的会议检查（多为标明 check: { not: … } 的项，详见 xiaobao analyze）。/ ${s.procedure.items - s.procedure.checked} procedure items have no meeting check (see xiaobao analyze).`)
      : null,
    neverFired.length ? h('div', {}, h('h3', {}, `从未命中的规则 / rules no scenario fires (${neverFired.length})`), h('ul', { id: 'never-fired' }, ...neverFired.map((r) => h('li', {}, h('code', {}, r.rule), ' ', where(r.at))))) : null,
    unreached.length
      ? h('div', {}, h('h3', {}, `没有场景走到的分办职责 / duties no scenario reaches (${unreached.length})`), h('ul', {}, ...unreached.map((r) => h('li', {}, `${r.printed}${r.label ?? `第${r.item}项`} ${r.sectionName ?? ''}：${r.text}`))))
      : null,
  )
}
