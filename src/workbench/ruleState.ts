/**
 * The rule files as the page holds them: the text last saved and the text being edited, and the rule
 * set parsed from the edited texts by the core's own `parseRuleSet` — the same check, the same Chinese
 * file:line:col messages as `xiaobao lint`. The last rule set that loaded keeps routing while a file
 * has an error.
 */
import { createEngine, parseRuleSet, type Engine, type Issue, type ParseRuleSetResult, type RuleSet } from '../index.js'

export interface RuleFile {
  path: string
  saved: string
  current: string
  /** Bytes, when the server did not send an oversized file's text. */
  size?: number
}

export class RuleState {
  readonly files = new Map<string, RuleFile>()
  result!: ParseRuleSetResult
  /** An engine over the current texts, or over the last texts that loaded. */
  engine?: Engine
  /** Whether `engine` runs the current texts (false: the last good ones). */
  engineIsCurrent = false
  private readonly listeners = new Set<() => void>()

  constructor(files: readonly { path: string; text: string; size?: number }[]) {
    for (const f of files) this.files.set(f.path, { path: f.path, saved: f.text, current: f.text, ...(f.size !== undefined ? { size: f.size } : {}) })
    this.reparse()
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

  /** Parses the current texts; keeps the last good engine when they do not load. */
  reparse(): void {
    const files = [...this.files.values()].map((f) => ({ path: f.path, text: f.current, ...(f.size !== undefined && f.current === '' ? { size: f.size } : {}) }))
    this.result = parseRuleSet(files)
    if (this.result.ok) {
      this.engine = createEngine({ rules: this.result.value })
      this.engineIsCurrent = true
    } else this.engineIsCurrent = false
    this.emit()
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }
}
