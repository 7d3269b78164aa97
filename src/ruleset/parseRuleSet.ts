/**
 * The loader: builds a rule set from the texts of rule files with the capabilities given. Takes strings,
 * never paths (the caller reads the disk), so it runs in a browser. Every problem is returned as data
 * with `file:line:col`. It knows no capability: each declares its kinds (see `capability.ts`).
 *
 * Order: parse every file and check it against its kind's schema; then every `define` step (articles,
 * sections, vocabularies), then every `load` of a `defines` kind, then every `refers` kind and scenario
 * target — each step in file order. So a name may be defined in any file.
 */
import type { z } from 'zod'
import type { Issue, PlainIssueCode } from '../problems/issue.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { SECTION_IDS } from '../sections.js'
import { ALL_OPERATORS } from '../conditions/operators.js'
import { checkCondition, type ConditionContext } from '../conditions/checkCondition.js'
import type { Capability, KindContext, RuleFileKind, RuleSetOf, ScenarioTargetKind } from './capability.js'
import { citationProblem } from './citations.js'
import { CORE_KINDS } from './coreKinds.js'
import type { CitationRef } from './schemas.js'
import type { RuleSetCore, SourceLocation } from './types.js'
import { catalogIssueAt, issueAt, locate, parseYamlSource, type YamlSource } from './yamlSource.js'
import { zodToIssues } from './zodIssues.js'
import { ruleFilesHash } from './contentHash.js'
import { LOADER_MESSAGES, type LoaderCatalogFields, type LoaderIssueFields } from './messages.js'

export { citationProblem }

export interface RuleFileText {
  /** Path relative to the rules folder, e.g. `sections/food-circulation.yaml`. Used in messages. */
  path: string
  text: string
  /** Size in bytes when the caller did not read an oversized file; it is then refused by size. */
  size?: number
}

export type ParseRuleSetResult<R = RuleSetCore> =
  | { ok: true; value: R; warnings: Issue[] }
  | { ok: false; issues: [Issue, ...Issue[]]; warnings: Issue[] }

/** Problems that a file failing to load causes elsewhere (a citation of an article it held). */
const FOLLOW_ON_CODES = new Set(['dangling_citation', 'unknown_section', 'unknown_vocabulary', 'duty_mismatch'])

/** A loader issue with its typed fields, its text from the loader's catalog. */
export function loaderIssue<C extends keyof LoaderIssueFields>(source: YamlSource, path: (string | number)[], code: C, fields: LoaderCatalogFields[C], options?: { preferKey?: boolean }): Issue {
  return catalogIssueAt(source, path, LOADER_MESSAGES, code, fields, options)
}

interface Loaded {
  source: YamlSource
  module: RuleFileKind | ScenarioTargetKind
  role: 'defines' | 'refers'
  data: unknown
}

/**
 * Parses and checks a set of rule files with the capabilities given.
 * @param files the files' paths (for messages) and texts
 * @param capabilities the capabilities whose kinds the files may be (the app's list is `CAPABILITIES`)
 * @returns the rule set, or every problem found (not just the first)
 */
export function parseRuleSet<const Cs extends readonly Capability<any>[]>(files: readonly RuleFileText[], capabilities: Cs): ParseRuleSetResult<RuleSetOf<Cs>> {
  const issues: Issue[] = []
  const warnings: Issue[] = []
  const loaded: Loaded[] = []
  const kinds: RuleFileKind[] = [...CORE_KINDS, ...capabilities.flatMap((c) => c.kinds)]
  const targets: ScenarioTargetKind[] = capabilities.flatMap((c) => c.targets)
  const knownKinds = [...kinds.map((k) => k.kind), ...(targets.length ? ['scenarios'] : [])]
  const fileKind = new Map<string, string>()
  const counts = new Map<RuleFileKind, YamlSource[]>()

  // Files that may have defined names (articles, sections, vocabularies) but could not be read: what
  // refers into them is not reported again (one typo must not give twenty errors).
  const failedDefiners: string[] = []
  // Kinds a rule set cannot do without, missing from the folder (their absence is the one problem).
  const missingKinds: string[] = []
  for (const file of files) {
    const result = parseYamlSource(file.path, file.text, file.size)
    if (!result.ok) {
      issues.push(...result.issues)
      failedDefiners.push(file.path)
      continue
    }
    const { source } = result
    const value = source.value
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push(issueAt(source, [], 'invalid_type', '规则文件的最外层应为映射，并以 "kind:" 说明文件类型。', 'a rule file must be a mapping whose "kind:" names the file kind.'))
      failedDefiners.push(file.path) // it may have been the articles or a section: no cascade
      continue
    }
    const kind = (value as Record<string, unknown>).kind
    if (typeof kind !== 'string' || !knownKinds.includes(kind)) {
      issues.push(
        kind === undefined
          ? issueAt(source, ['kind'], 'missing_field', `缺少 "kind:"，无法判断文件类型；可用：${knownKinds.join('、')}。`, `missing "kind:", so the file kind is unknown; known kinds: ${knownKinds.join(', ')}.`)
          : loaderIssue(source, ['kind'], 'unknown_file_kind', { given: JSON.stringify(kind), known: knownKinds }),
      )
      failedDefiners.push(file.path) // a misspelt kind: articles must not make every citation an error
      continue
    }
    fileKind.set(source.file, kind)
    let module: RuleFileKind | ScenarioTargetKind
    if (kind === 'scenarios') {
      const target = (value as Record<string, unknown>).target ?? 'route'
      const found = targets.find((t) => t.target === target)
      if (!found) {
        const known = targets.map((t) => t.target)
        issues.push(issueAt(source, ['target'], 'invalid_value', `未知的测试对象 target: ${JSON.stringify(target)}；可用：${known.join('、')}。`, `unknown scenario target ${JSON.stringify(target)}; known: ${known.join(', ')}.`))
        continue
      }
      module = found
    } else {
      module = kinds.find((k) => k.kind === kind)!
      const seen = counts.get(module) ?? []
      counts.set(module, [...seen, source])
      if (module.max !== undefined && seen.length >= module.max) {
        const first = seen[0]!
        issues.push(loaderIssue(source, ['kind'], 'duplicate_file', { kind, max: module.max, earlier: { file: first.file, line: locate(first, ['kind']).line } }))
        continue
      }
    }
    const checked = module.schema.safeParse(value)
    if (!checked.success) {
      // Conditions get their own, sharper check below; inputs of scenarios are checked when run.
      const fileIssues = zodToIssues(source, checked.error.issues, ['when', 'input'])
      issues.push(...fileIssues)
      if (fileIssues.length > 0) {
        if ('role' in module && module.role === 'defines') failedDefiners.push(source.file)
        continue
      }
    }
    const data = checked.success ? checked.data : value
    loaded.push({ source, module, role: 'role' in module ? module.role : 'refers', data })
  }

  const at = (source: YamlSource, path: (string | number)[]): SourceLocation => ({ file: source.file, ...locate(source, path) })
  const ruleSet = {
    bureau: { name: '', county: '' },
    // Scenario files test the rules but decide nothing: the hash is of the files that decide, so the bundled
    // rules (without the field corpus) and the folder they came from hash alike.
    provenance: { version: '', hash: ruleFilesHash(files.filter((f) => fileKind.get(f.path) !== 'scenarios')) },
    fallback: { section: 'consumer-protection', cites: [] },
    limits: { maxTextLength: 20000 },
    articles: {},
    sections: {},
    vocabularies: Object.create(null) as RuleSetCore['vocabularies'],
    variants: { characters: {}, words: [] },
    ...Object.assign({}, ...capabilities.map((c) => c.initial?.() ?? {})),
    files: files.map((f) => ({ path: f.path, kind: fileKind.get(f.path) ?? '' })),
  } as RuleSetCore

  const ruleIds = new Map<string, SourceLocation>()
  let conditionContext: ConditionContext = { facts: [], operators: ALL_OPERATORS, vocabularies: new Set() }
  const contextOf = (source: YamlSource): KindContext => {
    const report = (path: (string | number)[], code: PlainIssueCode, message: string, messageEn: string, options?: { severity?: Issue['severity']; preferKey?: boolean }) =>
      issueAt(source, path, code, message, messageEn, options)
    return {
      file: source.file,
      issueAt: report,
      report: (path, catalog, code, fields, options) => catalogIssueAt(source, path, catalog, code, fields, options),
      at: (path) => at(source, path),
      checkCites: (cites: readonly CitationRef[], path) =>
        cites.flatMap((cite, i) => {
          const problem = citationProblem(ruleSet, cite)
          return problem ? [report([...path, i], 'dangling_citation', problem.zh, problem.en)] : []
        }),
      checkCondition: (node, path, facts) => checkCondition(report, node, path, { ...conditionContext, facts }, true),
      claimId: (id, path) => {
        const prior = ruleIds.get(id)
        if (!prior) {
          ruleIds.set(id, at(source, path))
          return []
        }
        return [loaderIssue(source, path, 'duplicate_rule_id', { id, earlier: { file: prior.file, line: prior.line, col: prior.col } })]
      },
      addArticle: (record, path) => {
        const key = `${record.doc}:${record.seq}`
        const prior = ruleSet.articles[key]
        if (!prior) {
          ruleSet.articles[key] = record
          return []
        }
        return [loaderIssue(source, path, 'duplicate_article', { seq: record.seq, printed: record.printed, earlier: { file: prior.at.file, line: prior.at.line } })]
      },
    }
  }
  const run = (entry: Loaded, step: 'define' | 'load') => {
    const hook = step === 'define' ? ('define' in entry.module ? entry.module.define : undefined) : entry.module.load
    if (!hook) return
    for (const issue of hook.call(entry.module, entry.data, ruleSet, contextOf(entry.source))) (issue.severity === 'warning' ? warnings : issues).push(issue)
  }

  // 1. What the core needs first: articles, sections, vocabularies, the bureau.
  for (const entry of loaded) run(entry, 'define')
  const docTitles: Record<string, string> = {}
  for (const record of Object.values(ruleSet.articles)) if (record.docTitle) docTitles[record.doc] = record.docTitle
  for (const record of Object.values(ruleSet.articles)) if (!record.docTitle) record.docTitle = docTitles[record.doc] ?? ''
  conditionContext = { facts: [], operators: ALL_OPERATORS, vocabularies: new Set(Object.keys(ruleSet.vocabularies)) }
  // 2. Files that define names others refer to; 3. files that only refer (and scenarios).
  for (const entry of loaded) if (entry.role === 'defines') run(entry, 'load')
  for (const entry of loaded) if (entry.role === 'refers') run(entry, 'load')

  // Whole-set checks.
  const config = loaded.find((e) => fileKind.get(e.source.file) === 'config')?.source
  if (files.length === 0) {
    // An empty folder is not an empty rule set that routes everything to the fallback: say what is needed.
    issues.push({
      code: 'missing_file',
      severity: 'error',
      message: '没有任何规则文件：规则目录至少需要配置文件（kind: config）、条文文件（kind: articles）和股室文件（kind: section）。',
      messageEn: 'there are no rule files: a rules folder needs at least a config file (kind: config), the articles (kind: articles) and the section files (kind: section).',
    })
  } else if (!config && files.length > 0) {
    issues.push({
      code: 'missing_file',
      severity: 'error',
      message: '规则目录里没有配置文件（kind: config），需写明本局名称、所在县和兜底主办股室。',
      messageEn: 'the rules folder has no config file (kind: config) naming the bureau, its county and the fallback section.',
    })
  } else if (config) {
    // A folder with a config but no articles or no section files: say which files are missing (one
    // issue each), not what follows from their absence (every citation, every section reference).
    if (failedDefiners.length === 0) {
      const present = new Set(fileKind.values())
      if (!present.has('articles')) {
        missingKinds.push('articles')
        issues.push({
          code: 'missing_file',
          severity: 'error',
          message: '规则目录里没有条文文件（kind: articles，如 rules/articles/implementation-measures.yaml），规则引用的条文无从查找。',
          messageEn: 'the rules folder has no articles file (kind: articles, such as rules/articles/implementation-measures.yaml), so no citation can be resolved.',
        })
      }
      // Section files are what routing routes to: required once the folder routes (intake or
      // screening rules); a capability's own slice (config, articles, a procedure) needs none.
      if (!present.has('section') && (present.has('intake') || present.has('screening'))) {
        missingKinds.push('section')
        issues.push({
          code: 'missing_file',
          severity: 'error',
          message: '规则目录里没有股室文件（kind: section，如 rules/sections/*.yaml），投诉无处分办。',
          messageEn: 'the rules folder has no section files (kind: section, such as rules/sections/*.yaml), so nothing can be routed.',
        })
      }
    }
    issues.push(...contextOf(config).checkCites(ruleSet.fallback.cites, ['fallback', 'cites']))
    if (!ruleSet.sections[ruleSet.fallback.section] && Object.keys(ruleSet.sections).length > 0) {
      issues.push(issueAt(config, ['fallback', 'section'], 'unknown_section', `兜底股室 "${ruleSet.fallback.section}" 没有股室文件。`, `the fallback section "${ruleSet.fallback.section}" has no section file.`))
    }
  }
  for (const capability of capabilities) for (const issue of capability.check?.(ruleSet as never) ?? []) (issue.severity === 'warning' ? warnings : issues).push(issue)
  const missingSections = SECTION_IDS.filter((id) => !ruleSet.sections[id])
  // Not listed when a file failed to load (it may be the missing section file, already reported):
  // counted with the reference problems held back below.
  const sectionsHeldBack = failedDefiners.length > 0 && missingSections.length > 0 && missingSections.length < SECTION_IDS.length ? 1 : 0
  if (!sectionsHeldBack && missingSections.length > 0 && missingSections.length < SECTION_IDS.length) {
    warnings.push({
      code: 'missing_file',
      severity: 'warning',
      message: `以下股室没有股室文件，投诉不会分到它们：${missingSections.join('、')}。`,
      messageEn: `these sections have no section file, so nothing routes to them: ${missingSections.join(', ')}.`,
    })
  }
  if (failedDefiners.length > 0 || missingKinds.length > 0) {
    const kept = issues.filter((issue) => !FOLLOW_ON_CODES.has(String(issue.code)))
    const suppressed = issues.length - kept.length + sectionsHeldBack
    if (suppressed > 0) {
      issues.length = 0
      issues.push(...kept)
      warnings.push({
        code: 'suppressed_issues',
        severity: 'warning',
        message: failedDefiners.length > 0
          ? `另有 ${suppressed} 个引用问题未列出：它们可能只是因为 ${failedDefiners.join('、')} 无法读取而产生。请先改正上面的问题，再运行一次。`
          : `另有 ${suppressed} 个引用问题未列出：它们可能只是因为缺少上面所说的文件而产生。请先补上这些文件，再运行一次。`,
        messageEn: failedDefiners.length > 0
          ? `${suppressed} more reference problem(s) not listed: they may only follow from ${failedDefiners.join(', ')} failing to load. Fix the problems above and run again.`
          : `${suppressed} more reference problem(s) not listed: they may only follow from the missing files named above. Add them and run again.`,
      })
    }
  }
  if (issues.length > 0) return { ok: false, issues: issues as [Issue, ...Issue[]], warnings }
  return { ok: true, value: ruleSet as RuleSetOf<Cs>, warnings }
}

/** Throwing variant of `parseRuleSet`. */
export function parseRuleSetOrThrow<const Cs extends readonly Capability<any>[]>(files: readonly RuleFileText[], capabilities: Cs): RuleSetOf<Cs> {
  const result = parseRuleSet(files, capabilities)
  if (!result.ok) throw new XiaobaoError(result.issues)
  return result.value
}
