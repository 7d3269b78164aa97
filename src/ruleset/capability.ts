/**
 * The capability module interface: what a capability (routing, meetings, calendar, escalations, …)
 * declares so the loader can read its rule files without knowing it. The loader (`parseRuleSet(files,
 * capabilities)`) gives every kind the same position-aware error model, runs every defining step before
 * any referring one (so file order never matters), and enforces each kind's `max`.
 *
 * A capability is a folder plus one line in `src/capabilities.ts`; see README, "Adding a capability".
 */
import type { z } from 'zod'
import type { Issue, IssueCode, PlainIssueCode } from '../problems/issue.js'
import type { MessageCatalog } from '../problems/messages.js'
import type { CitationRef } from './schemas.js'
import type { ArticleRecord, RuleSetCore, SourceLocation } from './types.js'
import type { ScenarioRunner } from '../scenarios/runner.js'

export interface KindContext {
  /** The file being loaded. */
  file: string
  /** A located issue at a YAML path of this file. */
  issueAt(path: (string | number)[], code: PlainIssueCode, message: string, messageEn: string, options?: { severity?: Issue['severity']; preferKey?: boolean }): Issue
  /** A located issue of a typed code: its text comes from `catalog`, filled from `fields`. */
  report<F, C extends keyof F & IssueCode>(path: (string | number)[], catalog: MessageCatalog<F>, code: C, fields: F[C], options?: { severity?: Issue['severity']; preferKey?: boolean }): Issue
  /** `file:line:col` of a YAML path of this file. */
  at(path: (string | number)[]): SourceLocation
  /** Issues for citations that do not resolve (`dangling_citation`). */
  checkCites(cites: readonly CitationRef[], path: (string | number)[]): Issue[]
  /** Issues of a json-rules-engine condition, with the facts this kind allows. */
  checkCondition(node: unknown, path: (string | number)[], facts: readonly string[]): Issue[]
  /** Claims a rule id, reporting a duplicate. */
  claimId(id: string, path: (string | number)[]): Issue[]
  /** Adds an article to the rule set's articles (`duplicate_article` when it is there already). */
  addArticle(record: ArticleRecord, path: (string | number)[]): Issue[]
}

/** One rule-file kind (`kind: …` at the top of the file). */
export interface RuleFileKind<T = any, R = any> {
  kind: string
  /** The file's zod schema (also gives its JSON Schema for editors). */
  schema: z.ZodType<T>
  /**
   * `defines`: the file defines names other files refer to (articles, sections, vocabularies, a
   * procedure's check codes, deadlines). `refers`: it only refers to names. Every `defines` file is
   * loaded before any `refers` file.
   */
  role: 'defines' | 'refers'
  /** At most this many files of the kind; each extra file is one `duplicate_file` error. */
  max?: number
  /**
   * The facts the kind's conditions may name, each with one line of explanation: the JSON Schema of the
   * kind lists them as the `fact` enum (with these lines for the editor's completion and hover).
   */
  facts?: Readonly<Record<string, string>>
  /**
   * Optional first step, run for every file before any `load`: store the names the core itself needs
   * (articles, sections, vocabularies), so a citation or vocabulary may be written anywhere.
   */
  define?(data: T, ruleSet: R, ctx: KindContext): Issue[]
  /** Checks the file against the names defined elsewhere and stores its data in the capability's slice. */
  load(data: T, ruleSet: R, ctx: KindContext): Issue[]
}

/**
 * A scenario target: a file `kind: scenarios` with `target: <name>` (routing's `route` is the default).
 * Loading (schema, `load`) and running (`scenarios`, `run`, `compare` — see `scenarios/runner.ts`).
 */
export interface ScenarioTargetKind<T = any, R = any> extends ScenarioRunner {
  target: string
  schema: z.ZodType<T>
  /** Stores the scenarios in the capability's slice; runs after every `defines` file. */
  load(data: T, ruleSet: R, ctx: KindContext): Issue[]
}

/**
 * A capability. `Slice` is what it adds to the rule set (e.g. `{ calendar?: CalendarRules }`); the
 * whole `RuleSet` type is the core plus every listed capability's slice.
 */
export interface Capability<Slice extends object = object> {
  /** A short name: `routing`, `calendar`, … */
  name: string
  /** Its rule-file kinds. */
  kinds: readonly RuleFileKind[]
  /** Its scenario targets (`kind: scenarios`, `target: …`). */
  targets: readonly ScenarioTargetKind[]
  /** The slice's fields that every rule set has, empty (e.g. routing's rule lists); others are optional. */
  initial?(): Slice
  /** Its issue codes and their messages, Chinese and English (the codes' typed fields are declared in its `issues.ts`). */
  issues?: MessageCatalog<any>
  /** Whole-set checks after every file is loaded: errors and warnings. */
  check?(ruleSet: RuleSetCore & Slice): Issue[]
  /**
   * The slice's top-level fields, by use: `data` is what the capability's functions read at run time,
   * `scenarios` its test scenarios. `npm run gen` bundles each capability's `data` as its own module and
   * every `scenarios` field apart (src/node/bundleRules.ts), so an app that only routes carries neither
   * another capability's data nor any scenario. `omitAtRuntime` names parts of `data` no function reads
   * (dotted paths, `*` for every element of a list): they are bundled apart too, for `defaultRuleSet()`.
   * Every field of a loaded rule set belongs to the core or to exactly one capability (`npm run gen` checks).
   */
  fields: { data: readonly (keyof Slice & string)[]; scenarios?: readonly (keyof Slice & string)[]; omitAtRuntime?: readonly string[] }
  /** Type only: the slice this capability adds. Never set. */
  readonly slice?: Slice
}

/** The rule-set slice a capability adds. */
export type SliceOf<C> = C extends Capability<infer S> ? S : never

/** `A | B | C` → `A & B & C`. */
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** The rule set a list of capabilities loads: the core plus each capability's slice. */
export type RuleSetOf<Cs extends readonly Capability<any>[]> = RuleSetCore & Intersect<SliceOf<Cs[number]>>

/** The loading half of a scenario target (its file's schema and `load`). */
export type ScenarioFileKind<T = any, R = any> = Pick<ScenarioTargetKind<T, R>, 'target' | 'schema' | 'load'>
