/**
 * The rule files as the page holds them: the text last saved and the text being edited, and the rule
 * set parsed from the edited texts by the core's own `parseRuleSet` — the same check, the same Chinese
 * file:line:col messages as `xiaobao lint`. The last rule set that loaded keeps routing while a file
 * has an error.
 */
import { createEngine, parseRuleSet, type Engine, type Issue, type ParseRuleSetResult, type RuleFileText, type RuleSet } from '../index.js'

export interface RuleFile {
  path: string
  saved: string
  current: string
  /** Bytes, when the server did not send an oversized file's text. */
  size?: number
}

export class RuleState {
  readonly files = new Map<string, RuleFile>()
  result: ParseRuleSetResult = { ok: false, issues: [{ code: 'missing_file', severity: 'error', message: '规则尚未载入。', messageEn: 'the rules are not loaded yet.' }], warnings: [] }
  /** An engine over the current texts, or over the last texts that loaded. */
  engine?: Engine
  /** Whether `engine` runs the current texts (false: the last good ones). */
  engineIsCurrent = false
  private readonly listeners = new Set<() => void>()
  private requested = 0
  private applied = 0

  /**
   * @param parser parses elsewhere (a worker); omitted: on this thread. Call `reparse()` once before use.
   */
  constructor(
    files: readonly { path: string; text: string; size?: number }[],
    private readonly parser?: (files: RuleFileText[]) => Promise<ParseRuleSetResult>,
  ) {
    for (const f of files) this.files.set(f.path, { path: f.path, saved: f.text, current: f.text, ...(f.size !== undefined ? { size: f.size } : {}) })
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get ruleSet(): RuleSet | undefined {
    return this.engine?.ruleSet
  }

  get issues(): Issue[] {
    return this.result.ok ? [] : this.result.issues
  }

  get warnings(): Issue[] {
    return this.result.warnings
  }

  issuesFor(path: string): Issue[] {
    return [...this.issues, ...this.warnings].filter((i) => i.file === path)
  }

  modified(): string[] {
    return [...this.files.values()].filter((f) => f.current !== f.saved).map((f) => f.path)
  }

  setText(path: string, text: string): void {
    const file = this.files.get(path)
    if (!file || file.current === text) return
    file.current = text
  }

  markSaved(path: string, text: string): void {
    const file = this.files.get(path)
    if (file) file.saved = text
    this.emit()
  }

  /**
   * Parses the current texts (in a worker when the page has one: see `parseWorker.ts`); keeps the last
   * good engine when they do not load. Resolves once this parse, or a later one, has been applied.
   */
  reparse(): Promise<void> {
    const files = [...this.files.values()].map((f) => ({ path: f.path, text: f.current, ...(f.size !== undefined && f.current === '' ? { size: f.size } : {}) }))
    const id = ++this.requested
    if (!this.parser) {
      this.apply(id, parseRuleSet(files))
      return Promise.resolve()
    }
    return this.parser(files).then((result) => this.apply(id, result))
  }

  private apply(id: number, result: ParseRuleSetResult): void {
    if (id < this.applied) return // a later parse already landed
    this.applied = id
    this.result = result
    if (result.ok) {
      this.engine = createEngine({ rules: result.value })
      this.engineIsCurrent = true
    } else this.engineIsCurrent = false
    this.emit()
  }

  /** Whether a parse is still running for texts newer than the shown result. */
  get pending(): boolean {
    return this.applied < this.requested
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}
