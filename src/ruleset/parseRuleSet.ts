/**
 * Builds a `RuleSet` from the texts of rule files. Takes strings, never paths (the caller reads the
 * disk), so it runs in a browser. Every problem is returned as data with `file:line:col`.
 */
import type { z } from 'zod'
import type { Issue } from '../problems/issue.js'
import { XiaobaoError } from '../problems/XiaobaoError.js'
import { ALL_OPERATORS, ROUTING_FACTS } from '../routing/facts.js'
import { normalizeText } from '../routing/normalizeText.js'
import { SECTION_IDS, type SectionId } from '../sections.js'
import { checkCondition, type ConditionContext } from './checkCondition.js'
import {
  articlesFile,
  configFile,
  intakeFile,
  scenariosFile,
  screeningFile,
  sectionFile,
  vocabulariesFile,
  type CitationRef,
  type ConditionNode,
  type EffectivePeriod,
} from './schemas.js'
import type { ArticleRecord, RuleSet, SourceLocation } from './types.js'
import { issueAt, locate, parseYamlSource, type YamlSource } from './yamlSource.js'
import { zodToIssues } from './zodIssues.js'
import type { FileKindModule, KindContext, ScenarioTargetModule } from './fileKinds.js'
import { EXTRA_FILE_KINDS, SCENARIO_TARGETS } from './registry.js'

export interface RuleFileText {
  /** Path relative to the rules folder, e.g. `sections/food-circulation.yaml`. Used in messages. */
  path: string
  text: string
  /** Size in bytes when the caller did not read an oversized file; it is then refused by size. */
  size?: number
}

export type ParseRuleSetResult =
  | { ok: true; value: RuleSet; warnings: Issue[] }
  | { ok: false; issues: [Issue, ...Issue[]]; warnings: Issue[] }

/** Rule-file kinds and the schema of each. */
export const FILE_KINDS = {
  articles: articlesFile,
  section: sectionFile,
  vocabularies: vocabulariesFile,
  config: configFile,
  intake: intakeFile,
  screening: screeningFile,
  scenarios: scenariosFile,
} as const satisfies Record<string, z.ZodType>

export type FileKind = keyof typeof FILE_KINDS



interface Parsed<K extends FileKind> {
  source: YamlSource
  kind: K
  data: z.infer<(typeof FILE_KINDS)[K]>
}

/**
 * Parses and checks a set of rule files.
 * @param files the files' paths (for messages) and texts
 * @returns the rule set, or every problem found (not just the first)
 * @example
 * const result = parseRuleSet([{ path: 'config.yaml', text: 'kind: config\n…' }])
 * if (!result.ok) console.log(result.issues.map(formatIssue).join('\n'))
 */
export function parseRuleSet(files: readonly RuleFileText[]): ParseRuleSetResult {
  const issues: Issue[] = []
  const warnings: Issue[] = []
  const parsed: Parsed<FileKind>[] = []
  const later: { source: YamlSource; module: FileKindModule | ScenarioTargetModule; data: unknown }[] = []
  const DOC_TITLES: Record<string, string> = {}

  for (const file of files) {
    const result = parseYamlSource(file.path, file.text, file.size)
    if (!result.ok) {
      issues.push(...result.issues)
      continue
    }
    const { source } = result
    const value = source.value
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push(issueAt(source, [], 'invalid_type', '规则文件的最外层应为映射，并以 "kind:" 说明文件类型。', 'a rule file must be a mapping whose "kind:" names the file kind.'))
      continue
    }
    const kind = (value as Record<string, unknown>).kind
    const knownKinds = [...Object.keys(FILE_KINDS), ...EXTRA_FILE_KINDS.map((k) => k.kind)]
    if (typeof kind !== 'string' || !knownKinds.includes(kind)) {
      issues.push(
        issueAt(
          source,
          ['kind'],
          kind === undefined ? 'missing_field' : 'unknown_file_kind',
          kind === undefined
            ? `缺少 "kind:"，无法判断文件类型；可用：${knownKinds.join('、')}。`
            : `未知的文件类型 kind: ${JSON.stringify(kind)}；可用：${knownKinds.join('、')}。`,
          kind === undefined
            ? `missing "kind:", so the file kind is unknown; known kinds: ${knownKinds.join(', ')}.`
            : `unknown file kind ${JSON.stringify(kind)}; known kinds: ${knownKinds.join(', ')}.`,
        ),
      )
      continue
    }
    const target = (value as Record<string, unknown>).target
    const targetModule = kind === 'scenarios' && target !== undefined && target !== 'route' ? SCENARIO_TARGETS.find((t) => t.target === target) : undefined
    if (kind === 'scenarios' && target !== undefined && target !== 'route' && !targetModule) {
      const known = ['route', ...SCENARIO_TARGETS.map((t) => t.target)]
      issues.push(issueAt(source, ['target'], 'invalid_value', `未知的测试对象 target: ${JSON.stringify(target)}；可用：${known.join('、')}。`, `unknown scenario target ${JSON.stringify(target)}; known: ${known.join(', ')}.`))
      continue
    }
    const extra = EXTRA_FILE_KINDS.find((k) => k.kind === kind)
    const schema = (targetModule?.schema ?? extra?.schema ?? FILE_KINDS[kind as FileKind]) as z.ZodType
    const checked = schema.safeParse(value)
    if (!checked.success) {
      // Conditions get their own, sharper check below; inputs of scenarios are checked when run.
      const fileIssues = zodToIssues(source, checked.error.issues, ['when', 'input'])
      issues.push(...fileIssues)
      if (fileIssues.length > 0) continue
    }
    const data = checked.success ? checked.data : value
    if (targetModule || extra) later.push({ source, module: (targetModule ?? extra)!, data })
    else parsed.push({ source, kind: kind as FileKind, data: data as never })
  }

  const at = (source: YamlSource, path: (string | number)[]): SourceLocation => ({ file: source.file, ...locate(source, path) })
  const ruleSet: RuleSet = {
    bureau: { name: '', county: '' },
    fallback: { section: 'consumer-protection', cites: [] },
    limits: { maxTextLength: 20000 },
    articles: {},
    sections: {},
    vocabularies: Object.create(null) as RuleSet['vocabularies'],
    routingRules: [],
    intakeRules: [],
    screeningRules: [],
    scenarios: [],
    files: files.map((f) => ({ path: f.path, kind: '' })),
  }
  for (const entry of parsed) {
    const f = ruleSet.files.find((x) => x.path === entry.source.file)
    if (f) f.kind = entry.kind
  }

  const ruleIds = new Map<string, SourceLocation>()
  const claimId = (id: string, source: YamlSource, path: (string | number)[]) => {
    const prior = ruleIds.get(id)
    if (prior) {
      issues.push(
        issueAt(source, path, 'duplicate_rule_id', `规则编号 "${id}" 重复，已在 ${prior.file}:${prior.line}:${prior.col} 使用。规则编号必须唯一且稳定。`, `duplicate rule id "${id}", already used at ${prior.file}:${prior.line}:${prior.col}. Rule ids must be unique and stable.`),
      )
    } else ruleIds.set(id, at(source, path))
  }
  const addArticle = (record: ArticleRecord, source: YamlSource, path: (string | number)[]) => {
    const key = `${record.doc}:${record.seq}`
    const prior = ruleSet.articles[key]
    if (prior) {
      issues.push(
        issueAt(source, path, 'duplicate_article', `${record.printed}（seq ${record.seq}）重复定义，已在 ${prior.at.file}:${prior.at.line} 定义。`, `article seq ${record.seq} (${record.printed}) is defined twice; first at ${prior.at.file}:${prior.at.line}.`),
      )
    } else ruleSet.articles[key] = record
  }

  // Pass 1: collect definitions (config, articles, sections, vocabularies).
  let configSeen: YamlSource | undefined
  for (const { source, kind, data } of parsed) {
    if (kind === 'config') {
      const d = data as z.infer<typeof configFile>
      if (configSeen) {
        issues.push(issueAt(source, ['kind'], 'duplicate_section', `配置文件只能有一个，已有 ${configSeen.file}。`, `only one config file is allowed; ${configSeen.file} is another.`))
        continue
      }
      configSeen = source
      ruleSet.bureau = d.bureau
      ruleSet.fallback = d.fallback
      if (d.limits) ruleSet.limits = d.limits
    } else if (kind === 'articles') {
      const d = data as z.infer<typeof articlesFile>
      DOC_TITLES[d.doc] = d.title
      d.articles.forEach((a, i) => {
        addArticle(
          {
            doc: d.doc,
            docTitle: d.title,
            seq: a.seq,
            printed: a.printed,
            chapter: a.chapter,
            text: a.text,
            items: a.items ?? [],
            note: a.note,
            at: at(source, ['articles', i]),
          },
          source,
          ['articles', i, 'seq'],
        )
      })
    } else if (kind === 'section') {
      const d = data as z.infer<typeof sectionFile>
      if (ruleSet.sections[d.id]) {
        const prior = ruleSet.sections[d.id]!.at
        issues.push(issueAt(source, ['id'], 'duplicate_section', `股室 "${d.id}" 已在 ${prior.file} 定义，一个股室只能有一个文件。`, `section "${d.id}" is already defined in ${prior.file}; one file per section.`))
        continue
      }
      ruleSet.sections[d.id] = { id: d.id, name: d.name, shortName: d.shortName, seq: d.article.seq, at: at(source, ['id']) }
      addArticle(
        {
          doc: 'implementation-measures',
          docTitle: '',
          seq: d.article.seq,
          printed: d.article.printed,
          chapter: d.article.chapter,
          text: d.article.text,
          items: d.duties.map((duty) => ({ item: duty.item, label: duty.label, text: duty.text, routing: duty.routing })),
          note: d.article.note,
          section: d.id,
          at: at(source, ['article']),
        },
        source,
        ['article', 'seq'],
      )
      const seen = new Set<number>()
      d.duties.forEach((duty, i) => {
        if (seen.has(duty.item)) issues.push(issueAt(source, ['duties', i, 'item'], 'duplicate_article', `第 ${duty.item} 项重复。`, `item ${duty.item} is listed twice.`))
        seen.add(duty.item)
      })
    } else if (kind === 'vocabularies') {
      const d = data as z.infer<typeof vocabulariesFile>
      for (const [name, vocab] of Object.entries(d.vocabularies)) {
        const prior = ruleSet.vocabularies[name]
        if (prior) {
          issues.push(issueAt(source, ['vocabularies', name], 'duplicate_vocabulary', `关键词表 "${name}" 重复定义，已在 ${prior.at.file}:${prior.at.line} 定义。关键词表只定义一次，按名称引用。`, `vocabulary "${name}" is defined twice; first at ${prior.at.file}:${prior.at.line}. Define it once and refer to it by name.`, { preferKey: true }))
          continue
        }
        ruleSet.vocabularies[name] = {
          name,
          description: vocab.description,
          keywords: [...new Set(vocab.keywords.map(normalizeText))],
          at: at(source, ['vocabularies', name]),
        }
      }
    }
  }
  for (const record of Object.values(ruleSet.articles)) if (!record.docTitle) record.docTitle = DOC_TITLES[record.doc] ?? ''

  const conditionContext: ConditionContext = {
    facts: Object.keys(ROUTING_FACTS),
    operators: ALL_OPERATORS,
    vocabularies: new Set(Object.keys(ruleSet.vocabularies)),
  }
  const checkCites = (source: YamlSource, cites: readonly CitationRef[], path: (string | number)[]) => {
    cites.forEach((cite, i) => {
      const problem = citationProblem(ruleSet, cite)
      if (problem) issues.push(issueAt(source, [...path, i], 'dangling_citation', problem.zh, problem.en))
    })
  }
  const checkPeriod = (source: YamlSource, period: EffectivePeriod | undefined, path: (string | number)[]) => {
    if (period?.from && period.to && period.from > period.to) {
      issues.push(issueAt(source, [...path, 'to'], 'invalid_period', `生效期间的结束日 ${period.to} 早于开始日 ${period.from}。`, `the effective period ends (${period.to}) before it starts (${period.from}).`))
    }
  }

  // Pass 2: rules and scenarios, now that every name they refer to is known.
  for (const { source, kind, data } of parsed) {
    if (kind === 'section') {
      const d = data as z.infer<typeof sectionFile>
      d.rules.forEach((rule, i) => {
        const path = ['rules', i]
        claimId(rule.id, source, [...path, 'id'])
        checkCites(source, rule.cites, [...path, 'cites'])
        checkPeriod(source, rule.effective, [...path, 'effective'])
        const conditionIssues = checkCondition(source, rule.when, [...path, 'when'], conditionContext, true)
        issues.push(...conditionIssues)
        ruleSet.routingRules.push({ ...rule, when: rule.when as ConditionNode, section: d.id, at: at(source, [...path, 'id']) })
      })
    } else if (kind === 'intake' || kind === 'screening') {
      const d = data as z.infer<typeof intakeFile> | z.infer<typeof screeningFile>
      d.rules.forEach((rule, i) => {
        const path = ['rules', i]
        claimId(rule.id, source, [...path, 'id'])
        checkCites(source, rule.cites, [...path, 'cites'])
        checkPeriod(source, rule.effective, [...path, 'effective'])
        issues.push(...checkCondition(source, rule.when, [...path, 'when'], conditionContext, true))
        if (kind === 'intake') ruleSet.intakeRules.push({ ...(rule as z.infer<typeof intakeFile>['rules'][number]), at: at(source, [...path, 'id']) })
        else {
          const screening = rule as z.infer<typeof screeningFile>['rules'][number]
          if (screening.outcome === 'transfer' && !screening.transferTo) {
            issues.push(issueAt(source, path, 'missing_field', '移送规则（outcome: transfer）须写 transferTo：取哪个事实作为有管辖权的县。', 'a transfer rule needs transferTo: the fact that names the competent county.'))
          }
          if (screening.transferTo && !Object.keys(ROUTING_FACTS).includes(screening.transferTo.fact)) {
            issues.push(issueAt(source, [...path, 'transferTo', 'fact'], 'unknown_fact', `未知的事实 "${screening.transferTo.fact}"。`, `unknown fact "${screening.transferTo.fact}".`))
          }
          ruleSet.screeningRules.push({ ...screening, at: at(source, [...path, 'id']) })
        }
      })
    } else if (kind === 'scenarios') {
      const d = data as z.infer<typeof scenariosFile>
      d.scenarios.forEach((scenario, i) => {
        if (scenario.expect.cites) checkCites(source, scenario.expect.cites, ['scenarios', i, 'expect', 'cites'])
        ruleSet.scenarios.push({ ...scenario, at: at(source, ['scenarios', i]) })
      })
    }
  }

  // Other capabilities' files (calendar, meeting procedure, deadlines…), and their scenarios.
  for (const { source, module, data } of later) {
    const ctx: KindContext = {
      file: source.file,
      issueAt: (path, code, message, messageEn, options) => issueAt(source, path, code, message, messageEn, options),
      at: (path) => at(source, path),
      checkCites: (cites, path) => {
        const before = issues.length
        checkCites(source, cites, path)
        return issues.splice(before)
      },
      checkCondition: (node, path, facts) => checkCondition(source, node, path, { ...conditionContext, facts }, true),
      claimId: (id, path) => {
        const before = issues.length
        claimId(id, source, path)
        return issues.splice(before)
      },
      conditionContext,
    }
    for (const issue of module.load(data, ruleSet, ctx)) (issue.severity === 'warning' ? warnings : issues).push(issue)
  }

  // Whole-set checks.
  if (!configSeen && files.length > 0) {
    issues.push({
      code: 'missing_file',
      severity: 'error',
      message: '规则目录里没有配置文件（kind: config），需写明本局名称、所在县和兜底主办股室。',
      messageEn: 'the rules folder has no config file (kind: config) naming the bureau, its county and the fallback section.',
    })
  } else if (configSeen) {
    checkCites(configSeen, ruleSet.fallback.cites, ['fallback', 'cites'])
    if (!ruleSet.sections[ruleSet.fallback.section] && Object.keys(ruleSet.sections).length > 0) {
      issues.push(issueAt(configSeen, ['fallback', 'section'], 'unknown_section', `兜底股室 "${ruleSet.fallback.section}" 没有股室文件。`, `the fallback section "${ruleSet.fallback.section}" has no section file.`))
    }
  }
  for (const rule of ruleSet.intakeRules) {
    if (!ruleSet.sections[rule.section]) {
      warnings.push({ code: 'unknown_section', severity: 'warning', file: rule.at.file, line: rule.at.line, col: rule.at.col, message: `受理规则 ${rule.id} 指向的股室 "${rule.section}" 没有股室文件。`, messageEn: `intake rule ${rule.id} names section "${rule.section}", which has no section file.` })
    }
  }
  const missingSections = SECTION_IDS.filter((id) => !ruleSet.sections[id])
  if (missingSections.length > 0 && missingSections.length < SECTION_IDS.length) {
    warnings.push({
      code: 'missing_file',
      severity: 'warning',
      message: `以下股室没有股室文件，投诉不会分到它们：${missingSections.join('、')}。`,
      messageEn: `these sections have no section file, so nothing routes to them: ${missingSections.join(', ')}.`,
    })
  }
  if (issues.length > 0) return { ok: false, issues: issues as [Issue, ...Issue[]], warnings }
  return { ok: true, value: ruleSet, warnings }
}

/** Why a citation does not resolve, or `undefined` when it does. */
export function citationProblem(ruleSet: RuleSet, cite: CitationRef): { zh: string; en: string } | undefined {
  const doc = cite.doc ?? 'implementation-measures'
  const article = ruleSet.articles[`${doc}:${cite.seq}`]
  const docName = doc === 'implementation-measures' ? '本县实施办法' : doc === 'complaint-measures' ? '《暂行办法》' : '《处罚程序规定》'
  if (!article) {
    return {
      zh: `引用的条文不存在：${docName} seq ${cite.seq}。${doc === 'implementation-measures' ? '本县实施办法只有 seq 1..28。' : '请先在 rules/articles/ 中收录该条。'}`,
      en: `the cited article does not exist: ${doc} seq ${cite.seq}.${doc === 'implementation-measures' ? ' The county regulation has seq 1..28 only.' : ' Add it to rules/articles/ first.'}`,
    }
  }
  if (cite.item !== undefined && !article.items.some((i) => i.item === cite.item)) {
    return {
      zh: `引用的项不存在：${docName}${article.printed}（seq ${cite.seq}）没有第 ${cite.item} 项，共有 ${article.items.length} 项。`,
      en: `the cited item does not exist: ${doc} ${article.printed} (seq ${cite.seq}) has no item ${cite.item}; it has ${article.items.length}.`,
    }
  }
  return undefined
}

/** Throwing variant of `parseRuleSet`. */
export function parseRuleSetOrThrow(files: readonly RuleFileText[]): RuleSet {
  const result = parseRuleSet(files)
  if (!result.ok) throw new XiaobaoError(result.issues)
  return result.value
}

export type { SectionId }
