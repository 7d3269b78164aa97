/**
 * 试分办: paste a complaint (or pick a scenario) and see the decision — who registers it, who leads and
 * assists, the articles quoted in full, and the trace with the matched words marked in the text.
 */
import { compareExpectation, formatIssue, XiaobaoError, type ConditionTrace, type RoutingDecision, type RuleHit, type ScenarioRecord } from '../index.js'
import { failureText, h, replace, type Child } from './dom.js'
import { highlightKeywords } from './highlight.js'
import { CHANNEL, DISPOSITION, EFFECT, KIND, STAGE } from './labels.js'
import type { RuleState } from './ruleState.js'

export interface TryActions {
  /** Opens a rule file in the editor at a position. */
  openAt(file: string, line: number, col: number): void
}

export interface TryView {
  element: HTMLElement
  /** Re-routes the shown complaint after the rules changed. */
  refresh(): void
  /** Fills the form from a scenario and routes it. */
  load(scenario: ScenarioRecord): void
}

const today = () => {
  // The page's default date only: the core itself never reads the clock.
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export function tryView(state: RuleState, actions: TryActions): TryView {
  const picker = h('select', { id: 'scenario-picker', 'aria-label': '选一个测试场景' })
  const kind = h('select', { id: 'kind' }, ...Object.entries(KIND).map(([value, label]) => h('option', { value }, `${label} ${value}`)))
  const channel = h('select', { id: 'channel' }, ...Object.entries(CHANNEL).map(([value, label]) => h('option', { value }, `${label}`)))
  const receivedOn = h('input', { id: 'received-on', type: 'date', value: today(), required: true })
  const county = h('input', { id: 'respondent-county', type: 'text', placeholder: '缺省为本县' })
  const occurredIn = h('input', { id: 'occurred-in', type: 'text', placeholder: '缺省为本县' })
  const severity = h('select', { id: 'severity' }, h('option', { value: 'normal' }, '一般'), h('option', { value: 'major' }, '重大突发事件'))
  const text = h('textarea', { id: 'complaint-text', rows: 6, placeholder: '把投诉、举报或咨询的内容贴在这里…' })
  const extraNote = h('p', { class: 'note', id: 'extra-note' })
  const output = h('div', { id: 'decision', 'aria-live': 'polite' })
  let picked: ScenarioRecord | undefined
  let extra: Record<string, unknown> = {}
  let shown = false

  const fillPicker = () => {
    // The frozen part of a field corpus is sealed, as in `xiaobao test`: it is not offered here, where picking a
    // scenario shows whether the rules meet its expectation (whoever tunes the rules must not tune to it).
    const all = state.ruleSet?.scenarios ?? []
    const scenarios = all.filter((s) => !(s.frozen === true && s.measure))
    const sealed = all.length - scenarios.length
    const byFile = new Map<string, ScenarioRecord[]>()
    for (const s of scenarios) byFile.set(s.at.file, [...(byFile.get(s.at.file) ?? []), s])
    const selected = picker.value
    replace(
      picker,
      h('option', { value: '' }, `选一个测试场景（共 ${scenarios.length} 个${sealed > 0 ? `；实地语料冻结的 ${sealed} 个不列出` : ''}）… / pick a scenario`),
      ...[...byFile].map(([file, list]) => h('optgroup', { label: file }, ...list.map((s) => h('option', { value: `${s.at.file}:${s.at.line}` }, s.name)))),
    )
    picker.value = selected
  }

  const input = (): Record<string, unknown> => {
    const respondent = { ...((extra.respondent as Record<string, unknown>) ?? {}) }
    if (county.value.trim()) respondent.county = county.value.trim()
    else delete respondent.county
    const value: Record<string, unknown> = { ...extra, kind: kind.value, channel: channel.value, receivedOn: receivedOn.value, text: text.value }
    if (Object.keys(respondent).length) value.respondent = respondent
    else delete value.respondent
    if (occurredIn.value.trim()) value.occurredIn = occurredIn.value.trim()
    else delete value.occurredIn
    if (severity.value === 'major') value.severity = 'major'
    else delete value.severity
    return value
  }

  const route = () => {
    shown = true
    const engine = state.engine
    if (!engine) {
      replace(output, h('p', { class: 'error' }, '规则还没有一次检查通过，无法分办。请先在“编辑规则”中改正错误。'))
      return
    }
    const stale = state.engineIsCurrent ? null : h('p', { class: 'warning', id: 'stale-rules' }, '规则文件有错误：这里用的是上一次检查通过的规则。/ The rules have errors: routed with the last rules that loaded.')
    try {
      const decision = engine.routeComplaintSync(input() as never, { explain: true })
      const expected = picked ? compareExpectation(picked, decision, undefined) : undefined
      replace(output, stale, renderDecision(decision, text.value, state, actions, picked, expected))
    } catch (error) {
      if (error instanceof XiaobaoError) replace(output, stale, h('div', { class: 'error', id: 'input-error' }, h('strong', {}, '输入有误 / bad input'), h('pre', {}, error.issues.map((i) => formatIssue(i)).join('\n'))))
      else throw error
    }
  }

  const load = (scenario: ScenarioRecord) => {
    const { kind: k, channel: c, receivedOn: r, text: t, occurredIn: o, severity: s, ...rest } = scenario.input as Record<string, unknown>
    kind.value = String(k ?? 'complaint')
    channel.value = String(c ?? '12315-platform')
    receivedOn.value = String(r ?? '')
    text.value = String(t ?? '')
    occurredIn.value = typeof o === 'string' ? o : ''
    severity.value = s === 'major' ? 'major' : 'normal'
    const respondent = (rest.respondent ?? {}) as Record<string, unknown>
    county.value = typeof respondent.county === 'string' ? respondent.county : ''
    extra = rest
    const others = [...Object.keys(rest).filter((key) => key !== 'respondent'), ...Object.keys(respondent).filter((key) => key !== 'county').map((key) => `respondent.${key}`)]
    extraNote.textContent = others.length ? `场景另有字段 / other fields from the scenario: ${others.join('、')}` : ''
    picked = scenario
    picker.value = `${scenario.at.file}:${scenario.at.line}`
    route()
  }

  picker.addEventListener('change', () => {
    const scenario = state.ruleSet?.scenarios.find((s) => `${s.at.file}:${s.at.line}` === picker.value)
    if (scenario) load(scenario)
  })
  for (const field of [kind, channel, receivedOn, county, occurredIn, severity, text]) {
    field.addEventListener('input', () => {
      // Once edited it is no longer the scenario; its extra fields go too, except when only re-routing.
      if (picked) {
        picked = undefined
        picker.value = ''
      }
    })
  }
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) route()
  })

  fillPicker()
  const element = h(
    'section',
    { class: 'try', id: 'try-view' },
    h(
      'form',
      { class: 'complaint-form', onsubmit: (e: Event) => (e.preventDefault(), route()) },
      h('label', { class: 'wide' }, '测试场景 / scenario', picker),
      h('label', {}, '类型 / kind', kind),
      h('label', {}, '渠道 / channel', channel),
      h('label', {}, '收到日期 / received on', receivedOn),
      h('label', {}, '被投诉人所在县 / respondent county', county),
      h('label', {}, '行为发生地 / occurred in', occurredIn),
      h('label', {}, '严重程度 / severity', severity),
      h('label', { class: 'wide' }, '内容 / text', text),
      extraNote,
      h('div', { class: 'wide buttons' }, h('button', { type: 'submit', id: 'route-button', class: 'primary' }, '分办 / Route'), h('span', { class: 'note' }, 'Ctrl+Enter')),
    ),
    output,
  )
  return {
    element,
    refresh: () => {
      fillPicker()
      if (shown) route()
    },
    load,
  }
}

function sectionLabel(ref: { id: string; name: string } | null | undefined): Child {
  return ref ? h('span', { class: 'section' }, ref.name, h('code', {}, ref.id)) : h('span', { class: 'none' }, '无 / none')
}

function docTitle(state: RuleState, doc: string, seq: number): string {
  return state.ruleSet?.articles[`${doc}:${seq}`]?.docTitle ?? doc
}

function ruleDescription(state: RuleState, id: string): string | undefined {
  const rs = state.ruleSet
  if (!rs) return undefined
  const rule = [...rs.routingRules, ...rs.screeningRules, ...rs.intakeRules].find((r) => r.id === id) as { description?: string } | undefined
  return rule?.description
}

function renderDecision(decision: RoutingDecision, text: string, state: RuleState, actions: TryActions, picked: ScenarioRecord | undefined, expected: readonly unknown[] | undefined): HTMLElement {
  const more = decision as RoutingDecision & { category?: unknown; confidence?: unknown }
  const fired = decision.trace.filter((hit) => hit.effect !== 'superseded')
  const keywords = decision.trace.flatMap((hit) => hit.keywords.flatMap((k) => k.keywords))
  const where = (hit: { at: { file: string; line: number; col: number } }) =>
    h('a', { href: '#', class: 'location', onclick: (e: Event) => (e.preventDefault(), actions.openAt(hit.at.file, hit.at.line, hit.at.col)) }, `${hit.at.file}:${hit.at.line}:${hit.at.col}`)
  const named = (value: unknown): string => (value && typeof value === 'object' && 'name' in value ? String((value as { name: unknown }).name) : String(value))

  return h(
    'div',
    { class: 'decision' },
    expected === undefined
      ? null
      : expected.length === 0
        ? h('p', { class: 'ok', id: 'expectation' }, `✓ 与场景“${picked?.name}”的期望一致 / matches the scenario's expectation`)
        : h('div', { class: 'error', id: 'expectation' }, h('strong', {}, `✗ 与场景“${picked?.name}”的期望不同 / differs from the scenario`), h('ul', {}, ...expected.map((f) => h('li', {}, failureText(f))))),
    h(
      'dl',
      { class: 'outcome' },
      h('dt', {}, '处理 / disposition'),
      h('dd', { id: 'disposition', class: `disposition ${decision.disposition}` }, DISPOSITION[decision.disposition] ?? decision.disposition),
      h('dt', {}, '登记 / intake'),
      h('dd', { id: 'intake' }, sectionLabel(decision.intake)),
      h('dt', {}, '主办 / lead'),
      h('dd', { id: 'lead' }, sectionLabel(decision.lead)),
      h('dt', {}, '协办 / assist'),
      h('dd', { id: 'assist' }, decision.assist.length ? decision.assist.map((s) => sectionLabel(s)) : h('span', { class: 'none' }, '无 / none')),
      more.category !== undefined ? [h('dt', {}, '类别 / category'), h('dd', { id: 'category' }, named(more.category))] : null,
      more.confidence !== undefined
        ? [h('dt', {}, '把握 / confidence'), h('dd', { id: 'confidence' }, typeof more.confidence === 'number' ? `${Math.round(more.confidence * 100)}%` : named(more.confidence))]
        : null,
      decision.transfer ? [h('dt', {}, '移送至 / transfer to'), h('dd', { id: 'transfer' }, h('strong', {}, decision.transfer.to), ' — ', decision.transfer.reason)] : null,
      decision.rejection
        ? [h('dt', {}, '不予受理 / rejected'), h('dd', { id: 'rejection' }, decision.rejection.reason, decision.rejection.competentAuthority ? `（有权处理：${decision.rejection.competentAuthority}）` : '')]
        : null,
    ),
    decision.warnings.length ? h('ul', { class: 'warnings', id: 'warnings' }, ...decision.warnings.map((w) => h('li', {}, h('code', {}, w.code), ' ', w.message))) : null,
    h('h3', {}, '内容中命中的词 / matched words'),
    h(
      'p',
      { class: 'complaint-text', id: 'highlighted-text' },
      ...highlightKeywords(text, keywords).map((segment) => (segment.keywords.length ? h('mark', { title: segment.keywords.join('、') }, segment.text) : segment.text)),
    ),
    h('h3', {}, `依据 / articles (${decision.basis.length})`),
    h(
      'ol',
      { class: 'basis', id: 'basis' },
      ...decision.basis.map((c) =>
        h('li', {}, h('span', { class: 'cite' }, `《${docTitle(state, c.doc, c.seq)}》${c.printed}${c.label ?? ''}`), h('blockquote', {}, c.text)),
      ),
    ),
    h('h3', {}, `规则轨迹 / trace (${fired.length} 条命中${decision.trace.length > fired.length ? `，${decision.trace.length - fired.length} 条被取代` : ''})`),
    h(
      'ol',
      { class: 'trace', id: 'trace' },
      ...decision.trace.map((hit) => renderHit(hit, state, where)),
    ),
  )
}

function renderHit(hit: RuleHit, state: RuleState, where: (hit: RuleHit) => HTMLElement): HTMLElement {
  const description = ruleDescription(state, hit.rule)
  return h(
    'li',
    { class: `hit ${hit.effect}` },
    h(
      'div',
      { class: 'hit-head' },
      h('span', { class: `effect ${hit.effect}` }, EFFECT[hit.effect] ?? hit.effect),
      h('span', { class: 'stage' }, STAGE[hit.stage] ?? hit.stage),
      h('code', { class: 'rule-id' }, hit.rule),
      description ? h('span', { class: 'description' }, description) : null,
      hit.section ? h('span', { class: 'section-name' }, hit.section.name) : null,
      h('span', { class: 'priority' }, `优先级 ${hit.priority}`),
      where(hit),
    ),
    hit.keywords.some((k) => k.keywords.length)
      ? h(
          'div',
          { class: 'keywords' },
          '命中的词：',
          ...hit.keywords.filter((k) => k.keywords.length).map((k) => h('span', { class: 'vocabulary' }, k.vocabulary ? `${k.vocabulary}：` : '', ...k.keywords.map((w) => h('mark', {}, w)))),
        )
      : null,
    hit.facts.length ? h('div', { class: 'facts' }, '事实：', ...hit.facts.map((f) => h('code', {}, `${f.fact}${f.path ? f.path.slice(1) : ''} ${f.operator} ${JSON.stringify(f.value)}（实际 ${JSON.stringify(f.actual)}）`))) : null,
    hit.cites.length ? h('div', { class: 'cites' }, '依据：', hit.cites.map((c) => `《${docTitle(state, c.doc, c.seq)}》${c.printed}${c.label ?? ''}`).join('；')) : null,
    hit.conditions ? h('details', {}, h('summary', {}, '每个条件 / every condition'), renderCondition(hit.conditions)) : null,
  )
}

function renderCondition(node: ConditionTrace): HTMLElement {
  const mark = h('span', { class: node.result ? 'true' : 'false' }, node.result ? '✓' : '✗')
  if (node.kind !== 'leaf') {
    const label = node.kind === 'all' ? '全部满足 all' : node.kind === 'any' ? '任一满足 any' : '不满足 not'
    return h('div', { class: 'condition group' }, mark, ' ', label, h('div', { class: 'children' }, ...(node.children ?? []).map(renderCondition)))
  }
  const found = node.matched?.keywords.length ? h('span', { class: 'found' }, ' 命中：', ...node.matched.keywords.map((k) => h('mark', {}, k))) : null
  const actual = node.fact === 'text' ? null : h('span', { class: 'actual' }, `（实际 ${JSON.stringify(node.factValue)}）`)
  return h('div', { class: 'condition' }, mark, ' ', h('code', {}, `${node.fact}${node.path ? node.path.slice(1) : ''} ${node.operator} ${JSON.stringify(node.value)}`), found, actual)
}
