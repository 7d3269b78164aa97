/**
 * The legal staff's workbench page (`xiaobao workbench`). The core runs here, in the page: it parses the
 * rule files, routes, runs the scenarios. The server only lists, reads and writes the files.
 */
import './workbench.css'
import { parseRuleSet, type ParseRuleSetResult, type RuleFileText } from '../index.js'
import { Api, sessionToken } from './api.js'
import { h, replace } from './dom.js'
import { editorView } from './editorView.js'
import { RuleState } from './ruleState.js'
import { scenariosView } from './scenariosView.js'
import { tryView } from './tryView.js'

type Tab = 'try' | 'edit' | 'scenarios'

async function boot(root: HTMLElement): Promise<void> {
  const token = sessionToken()
  if (!token) {
    replace(root, h('p', { class: 'error fatal' }, '缺少会话令牌：请用 xiaobao workbench 命令打印的网址打开本页。/ No session token: open this page with the address xiaobao workbench printed.'))
    return
  }
  const api = new Api(token)
  const listing = await api.files()
  const state = new RuleState(listing.files, workerParser())
  await state.reparse()

  const rulesStatus = h('span', { class: 'pill', id: 'rules-status' })
  const scenarioStatus = h('span', { class: 'pill', id: 'header-scenarios' }, '场景未运行')
  const bureau = h('span', { class: 'bureau', id: 'bureau' })
  const tabs: Record<Tab, HTMLButtonElement> = {
    try: h('button', { type: 'button', role: 'tab', id: 'tab-try' }, '试分办 / Try a complaint'),
    edit: h('button', { type: 'button', role: 'tab', id: 'tab-edit' }, '编辑规则 / Edit rules'),
    scenarios: h('button', { type: 'button', role: 'tab', id: 'tab-scenarios' }, '测试场景 / Scenarios'),
  }

  const openAt = (file: string, line: number, col: number) => {
    show('edit')
    editor.open(file, line, col)
  }
  const editor = editorView(state, api, listing.schemas, { saved: () => void scenarios.run() })
  const trying = tryView(state, { openAt })
  const scenarios = scenariosView(state, {
    openAt,
    tryScenario: (scenario) => {
      show('try')
      trying.load(scenario)
    },
    ran: (passed, total) => {
      scenarioStatus.textContent = `场景 ${passed}/${total} 通过`
      scenarioStatus.className = `pill ${passed === total ? 'ok' : 'error'}`
    },
  })
  const panels: Record<Tab, HTMLElement> = { try: trying.element, edit: editor.element, scenarios: scenarios.element }

  function show(tab: Tab): void {
    for (const [name, button] of Object.entries(tabs) as [Tab, HTMLButtonElement][]) {
      button.setAttribute('aria-selected', String(name === tab))
      panels[name].hidden = name !== tab
    }
  }
  for (const [name, button] of Object.entries(tabs) as [Tab, HTMLButtonElement][]) button.addEventListener('click', () => show(name))

  const updateHeader = () => {
    const errors = state.issues.length
    const modified = state.modified().length
    rulesStatus.textContent = errors ? `${errors} 个错误 / errors` : `规则检查通过${modified ? `，${modified} 个文件未保存` : ''}`
    rulesStatus.className = `pill ${errors ? 'error' : 'ok'}`
    const rs = state.ruleSet
    bureau.textContent = rs ? `${rs.bureau.name} · ${listing.folder}` : listing.folder
  }
  state.onChange(() => {
    editor.refresh()
    updateHeader()
    trying.refresh()
  })

  replace(
    root,
    h('header', { class: 'top' }, h('h1', {}, '规则工作台'), bureau, rulesStatus, scenarioStatus, h('nav', { class: 'tabs', role: 'tablist' }, tabs.try, tabs.edit, tabs.scenarios)),
    h('main', {}, trying.element, editor.element, scenarios.element),
  )
  // Closing the tab with unsaved edits asks first.
  window.addEventListener('beforeunload', (event) => {
    if (state.modified().length > 0) event.preventDefault()
  })
  show('try')
  updateHeader()
  editor.open(state.files.has('config.yaml') ? 'config.yaml' : [...state.files.keys()][0] ?? '')
  trying.refresh()
  await scenarios.run()
  document.body.dataset.ready = 'true'
}

/** Parsing in a worker (`parseWorker.ts`); on this thread if the worker cannot start. */
function workerParser(): ((files: RuleFileText[]) => Promise<ParseRuleSetResult>) | undefined {
  let worker: Worker
  try {
    worker = new Worker('/assets/worker.js', { type: 'module' })
  } catch {
    return undefined
  }
  let broken = false
  let next = 0
  const waiting = new Map<number, { files: RuleFileText[]; resolve: (result: ParseRuleSetResult) => void }>()
  worker.onmessage = (event: MessageEvent<{ id: number; result: ParseRuleSetResult }>) => {
    waiting.get(event.data.id)?.resolve(event.data.result)
    waiting.delete(event.data.id)
  }
  worker.onerror = () => {
    broken = true
    for (const [id, job] of waiting) {
      job.resolve(parseRuleSet(job.files))
      waiting.delete(id)
    }
  }
  return (files) =>
    broken
      ? Promise.resolve(parseRuleSet(files))
      : new Promise((resolve) => {
          const id = ++next
          waiting.set(id, { files, resolve })
          worker.postMessage({ id, files })
        })
}

const root = document.getElementById('app')!
boot(root).catch((error: unknown) => {
  replace(root, h('p', { class: 'error fatal', id: 'fatal' }, `工作台无法启动 / the workbench could not start: ${error instanceof Error ? error.message : String(error)}`))
})
