/**
 * 编辑规则: the rule files in a CodeMirror 6 YAML editor. As one types, the whole rule set is parsed again
 * by the core (`parseRuleSet`) and its problems — the loader's own Chinese file:line:col messages — are
 * shown in the editor's gutter and in the problems list. Save writes the file back only when the whole
 * set loads; the server keeps the previous version as `<file>.bak`.
 */
import { autocompletion, type Completion, type CompletionContext as CmCompletionContext, type CompletionResult as CmCompletionResult } from '@codemirror/autocomplete'
import { yaml } from '@codemirror/lang-yaml'
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint'
import { EditorState, type Text } from '@codemirror/state'
import { EditorView, keymap } from '@codemirror/view'
import { basicSetup } from 'codemirror'
import { formatIssue, ruleFileJsonSchemas, type Issue } from '../index.js'
import type { Api } from './api.js'
import { completeAt, type JsonSchema } from './completions.js'
import { h, replace } from './dom.js'
import type { RuleState } from './ruleState.js'

export interface EditorActions {
  /** After a successful save (the scenarios are run again). */
  saved(path: string): void
}

export interface RuleEditor {
  element: HTMLElement
  open(path: string, line?: number, col?: number): void
  /** Called after every parse, to refresh marks, problems and the save button. */
  refresh(): void
  save(): Promise<void>
}

const REPARSE_DELAY_MS = 300

export function editorView(state: RuleState, api: Api, folderSchemas: Record<string, unknown>, actions: EditorActions): RuleEditor {
  const schemas: Record<string, unknown> = Object.keys(folderSchemas).length ? folderSchemas : ruleFileJsonSchemas()
  const fileList = h('ul', { class: 'file-list', id: 'file-list' })
  const title = h('span', { class: 'file-title', id: 'file-title' })
  const saveButton = h('button', { type: 'button', id: 'save-button', class: 'primary', disabled: true }, '保存 / Save')
  const revertButton = h('button', { type: 'button', id: 'revert-button', disabled: true }, '撤销修改 / Revert')
  const status = h('p', { class: 'save-status', id: 'save-status', 'aria-live': 'polite' })
  const host = h('div', { class: 'editor-host', id: 'editor' })
  const problems = h('div', { class: 'problems', id: 'problems' })
  const editorStates = new Map<string, EditorState>()
  let current: string | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const kindOf = (text: string) => /^kind:\s*([\w-]+)/m.exec(text)?.[1]
  const schemaFor = (path: string, text: string): JsonSchema | undefined => {
    const declared = /^#\s*yaml-language-server:\s*\$schema=(?:.*\/)?([\w.-]+\.schema\.json)/m.exec(text)?.[1]
    if (declared && schemas[declared]) return schemas[declared] as JsonSchema
    const kind = kindOf(text)
    const target = /^target:\s*([\w-]+)/m.exec(text)?.[1]
    const name = kind === 'scenarios' && target && target !== 'route' ? `scenarios-${target === 'meeting' ? 'meeting' : target}.schema.json` : `${kind}.schema.json`
    void path
    return schemas[name] as JsonSchema | undefined
  }

  const complete = (context: CmCompletionContext): CmCompletionResult | null => {
    const text = context.state.doc.toString()
    const result = completeAt(text, context.pos, { schema: schemaFor(current ?? '', text), ruleSet: state.ruleSet, kind: kindOf(text) })
    if (!result) return null
    // Unasked, keys are offered once a letter is typed; values as soon as `key: ` is written.
    const typed = result.from < context.pos
    if (!context.explicit && !typed && (result.items[0]?.type === 'property' || !/[:{,]\s*$/.test(text.slice(0, context.pos)))) return null
    return {
      from: result.from,
      options: result.items.map((item): Completion => ({ label: item.label, type: item.type, ...(item.detail ? { detail: item.detail } : {}), ...(item.apply ? { apply: item.apply } : {}), ...(item.boost ? { boost: item.boost } : {}) })),
      validFor: /^[\w\u4e00-\u9fff-]*$/,
    }
  }

  const view = new EditorView({ parent: host })

  const newState = (path: string) =>
    EditorState.create({
      doc: state.files.get(path)?.current ?? '',
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        autocompletion({ override: [complete], activateOnTyping: true }),
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (void save(), true) }]),
        EditorView.lineWrapping,
        EditorView.updateListener.of((update) => {
          if (!update.docChanged || !current) return
          state.setText(current, update.state.doc.toString())
          editorStates.set(current, update.state)
          if (timer) clearTimeout(timer)
          status.textContent = '检查中… / checking…'
          timer = setTimeout(() => {
            timer = undefined
            void state.reparse()
          }, REPARSE_DELAY_MS)
          updateButtons()
        }),
      ],
    })

  const diagnostics = (doc: Text, issues: Issue[]): Diagnostic[] =>
    issues.map((issue) => {
      const line = doc.line(Math.min(Math.max(issue.line ?? 1, 1), doc.lines))
      const from = Math.min(line.from + Math.max((issue.col ?? 1) - 1, 0), line.to)
      const token = /^[^\s,:{}[\]]+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 0
      return { from, to: Math.max(from + token, Math.min(from + 1, line.to)), severity: issue.severity === 'warning' ? 'warning' : 'error', message: `[${issue.code}] ${issue.message}\n${issue.messageEn}`, source: 'xiaobao' }
    })

  const updateButtons = () => {
    const file = current ? state.files.get(current) : undefined
    const changed = !!file && file.current !== file.saved
    const loads = state.result.ok && !timer && !state.pending
    saveButton.disabled = !(changed && loads)
    saveButton.title = !changed ? '没有修改 / nothing to save' : !loads ? '整套规则检查通过后才能保存 / the whole rule set must load before saving' : ''
    revertButton.disabled = !changed
  }

  const open = (path: string, line?: number, col?: number) => {
    if (!state.files.has(path)) return
    if (current !== path) {
      current = path
      view.setState(editorStates.get(path) ?? newState(path))
      editorStates.set(path, view.state)
    }
    title.textContent = path
    if (line !== undefined) {
      const l = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines))
      const pos = Math.min(l.from + Math.max((col ?? 1) - 1, 0), l.to)
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) })
      view.focus()
    }
    refresh()
  }

  const renderFileList = () => {
    const byFile = new Map<string, number>()
    for (const issue of state.issues) if (issue.file) byFile.set(issue.file, (byFile.get(issue.file) ?? 0) + 1)
    const modified = new Set(state.modified())
    replace(
      fileList,
      ...[...state.files.keys()].map((path) =>
        h(
          'li',
          { class: path === current ? 'current' : '' },
          h(
            'button',
            { type: 'button', 'data-path': path, onclick: () => open(path) },
            h('span', { class: 'path' }, path),
            modified.has(path) ? h('span', { class: 'modified', title: '已修改未保存 / modified' }, '●') : null,
            byFile.get(path) ? h('span', { class: 'badge error' }, String(byFile.get(path))) : null,
          ),
        ),
      ),
    )
  }

  const renderProblems = () => {
    const all = [...state.issues, ...state.warnings]
    if (all.length === 0) {
      replace(problems, h('p', { class: 'ok', id: 'lint-ok' }, '✓ 整套规则检查通过 / the whole rule set loads'))
      return
    }
    replace(
      problems,
      h('p', { class: state.issues.length ? 'error' : 'warning', id: 'lint-summary' }, `${state.issues.length} 个错误 / errors, ${state.warnings.length} 个警告 / warnings`),
      h(
        'ul',
        { id: 'problem-list' },
        ...all.map((issue) =>
          h(
            'li',
            { class: issue.severity },
            issue.file ? h('a', { href: '#', class: 'location', onclick: (e: Event) => (e.preventDefault(), open(issue.file!, issue.line, issue.col)) }, `${issue.file}${issue.line ? `:${issue.line}:${issue.col ?? 1}` : ''}`) : null,
            ' ',
            h('span', { class: 'problem-text' }, formatIssue({ ...issue, file: undefined, path: undefined }, 'zh')),
            h('div', { class: 'en' }, issue.messageEn),
          ),
        ),
      ),
    )
  }

  function refresh() {
    if (current) view.dispatch(setDiagnostics(view.state, diagnostics(view.state.doc, state.issuesFor(current))))
    if (status.textContent === '检查中… / checking…' && !timer && !state.pending) status.textContent = ''
    renderFileList()
    renderProblems()
    updateButtons()
  }

  async function save() {
    if (!current || saveButton.disabled) return
    const path = current
    const text = state.files.get(path)!.current
    saveButton.disabled = true
    status.textContent = '保存中… / saving…'
    const result = await api.save(path, text)
    if (result.ok) {
      state.markSaved(path, text)
      status.className = 'save-status ok'
      status.textContent = result.unchanged ? `${path} 没有变化 / unchanged` : `已保存 ${path}${result.backup ? `，原文件留作 ${result.backup}` : ''} / saved${result.backup ? `; the previous version is ${result.backup}` : ''}`
      actions.saved(path)
    } else {
      status.className = 'save-status error'
      status.textContent = `没有保存：${result.message ?? ''}${result.issues ? ' ' + result.issues.slice(0, 3).map((i) => formatIssue(i, 'zh')).join('；') : ''} / not saved: ${result.messageEn ?? ''}`
    }
    refresh()
  }

  saveButton.addEventListener('click', () => void save())
  revertButton.addEventListener('click', () => {
    if (!current) return
    const file = state.files.get(current)!
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: file.saved } })
  })

  const element = h(
    'section',
    { class: 'edit', id: 'edit-view' },
    h('nav', { class: 'files' }, h('h2', {}, '规则文件 / files'), fileList),
    h(
      'div',
      { class: 'editor-pane' },
      h('div', { class: 'toolbar' }, title, saveButton, revertButton),
      status,
      host,
      h('h2', {}, '检查结果 / problems'),
      problems,
    ),
  )
  return { element, open, refresh, save }
}
