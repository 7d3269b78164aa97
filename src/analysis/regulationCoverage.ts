/**
 * Coverage of the regulation: which article items the rules rest on and which scenarios reach them.
 * - seq 3-21 (the sections' duties): a duty that assigns complaints, reports and inquiries
 *   (`routing: true`) must be cited by a rule; every other duty must say why it is not one.
 * - seq 22-26 (the joint meeting's procedure) against the meeting checks.
 * - the national time limits (《暂行办法》, 《处罚程序规定》) against the deadline rules.
 */
import type { CitationRef } from '../ruleset/schemas.js'
import type { ArticleRecord, DocId, SourceLocation } from '../ruleset/types.js'
import type { RuleSet } from '../capabilities.js'
import type { RoutingDecision } from '../routing/types.js'
import { finding, itemName, itemNameEn, list, listEn } from './findings.js'
import { allRules } from './routeSync.js'
import type { DutyCoverageRow, Finding, ProcedureCoverageRow, TimeLimitCoverageRow } from './types.js'

/** The procedure articles of chapter 4 (第十三条 … 第十七条 printed a second time). */
export const PROCEDURE_SEQS = [22, 23, 24, 25, 26] as const

/** A rule of any capability that cites article items. */
export interface CitingRule {
  id: string
  cites: readonly CitationRef[]
  at: SourceLocation
}

export interface RoutedScenario {
  name: string
  decision: RoutingDecision
}

export interface CheckedMeetingScenario {
  name: string
  /** Codes of the checks that fired. */
  fired: ReadonlySet<string>
}

export function citesItem(ref: CitationRef, doc: DocId, seq: number, item: number | undefined): boolean {
  return (ref.doc ?? 'implementation-measures') === doc && ref.seq === seq && (item === undefined || ref.item === undefined || ref.item === item)
}

function basisHas(decision: RoutingDecision, doc: DocId, seq: number, item: number | undefined): boolean {
  return decision.basis.some((c) => c.doc === doc && c.seq === seq && (item === undefined || c.item === undefined || c.item === item))
}

function citingRules(ruleSet: RuleSet): CitingRule[] {
  return [...allRules(ruleSet), { id: 'config.fallback', cites: ruleSet.fallback.cites, at: { file: ruleSet.files.find((f) => f.kind === 'config')?.path ?? 'config.yaml', line: 1, col: 1 } }]
}

function articlesOf(ruleSet: RuleSet, test: (a: ArticleRecord) => boolean): ArticleRecord[] {
  return Object.values(ruleSet.articles)
    .filter(test)
    .sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.seq - b.seq))
}

/** The duty items of seq 3-21, each with the rules citing it and the scenarios reaching it. */
export function dutyCoverage(ruleSet: RuleSet, scenarios: readonly RoutedScenario[], scenarioCount: number): { rows: DutyCoverageRow[]; findings: Finding[] } {
  const rules = citingRules(ruleSet)
  const rows: DutyCoverageRow[] = []
  const findings: Finding[] = []
  for (const article of articlesOf(ruleSet, (a) => a.doc === 'implementation-measures' && a.section !== undefined)) {
    const section = ruleSet.sections[article.section!]
    for (const item of article.items) {
      const citing = rules.filter((r) => r.cites.some((c) => citesItem(c, 'implementation-measures', article.seq, item.item)))
      const reaching = scenarios.filter((s) => basisHas(s.decision, 'implementation-measures', article.seq, item.item)).map((s) => s.name)
      const routing = item.routing === true ? 'duty' : item.routing ? 'not' : 'unmarked'
      rows.push({
        seq: article.seq,
        printed: article.printed,
        ...(article.section ? { section: article.section } : {}),
        ...(section ? { sectionName: section.name } : {}),
        item: item.item,
        ...(item.label ? { label: item.label } : {}),
        text: item.text,
        routing,
        ...(typeof item.routing === 'object' ? { notReason: item.routing.not } : {}),
        rules: citing.map((r) => r.id),
        scenarios: reaching,
        at: article.at,
      })
      const name = itemName(article, item)
      const nameEn = itemNameEn(article, item)
      const who = section?.name ?? article.section ?? ''
      if (routing === 'duty' && citing.length === 0) {
        findings.push(
          finding(
            'duty_not_cited',
            'error',
            `${who}的职责 ${name}「${item.text}」标为分办职责（routing: true），但没有任何分办、受理或不予受理规则引用它：这类投诉举报咨询永远不会分到${who}。请在 ${article.at.file} 写一条引用它的规则（cites: [{ seq: ${article.seq}, item: ${item.item} }]），或改为 routing: { not: 理由 }。`,
            `${article.section ?? ''} duty ${nameEn} is marked routing: true, but no routing, intake or screening rule cites it, so nothing is ever routed to it. Add a rule citing it in ${article.at.file}, or mark it routing: { not: reason }.`,
            [article.at],
          ),
        )
      } else if (routing === 'unmarked' && citing.length === 0) {
        findings.push(
          finding(
            'duty_unmarked',
            'error',
            `${who}的职责 ${name}「${item.text}」既没有规则引用，也没有标明是否为分办职责。请在 ${article.at.file} 的该项下写 routing: true 并加一条规则，或写 routing: { not: 为何不是分办职责 }。`,
            `${article.section ?? ''} duty ${nameEn} is neither cited by a rule nor marked. In ${article.at.file}, write routing: true and add a rule, or routing: { not: why it is not a routing duty }.`,
            [article.at],
          ),
        )
      } else if (routing === 'not' && citing.length > 0) {
        findings.push(
          finding(
            'duty_marked_not_but_cited',
            'warning',
            `${who}的职责 ${name} 标为“不是分办职责”（${typeof item.routing === 'object' ? item.routing.not : ''}），却有规则 ${list(citing.map((r) => r.id))} 引用它分办投诉。请二者取一：改为 routing: true，或让规则引用别的项。`,
            `${article.section ?? ''} duty ${nameEn} is marked as not a routing duty, yet ${listEn(citing.map((r) => r.id))} cite it to route complaints. Mark it routing: true, or cite another item.`,
            [article.at, ...citing.map((r) => r.at)],
            { rules: citing.map((r) => r.id) },
          ),
        )
      }
      if (routing === 'duty' && citing.length > 0 && reaching.length === 0 && scenarioCount > 0) {
        findings.push(
          finding(
            'duty_unexercised',
            'warning',
            `分办职责 ${name}（${who}）由 ${list(citing.map((r) => r.id))} 引用，但没有一个测试场景的分办结果以它为依据。请在 ${article.at.file.replace(/\.yaml$/, '.test.yaml')} 加一个走到它的场景。`,
            `routing duty ${nameEn} (${article.section ?? ''}) is cited by ${listEn(citing.map((r) => r.id))}, but no scenario's decision rests on it. Add a scenario that reaches it.`,
            [article.at, ...citing.map((r) => r.at)],
            { rules: citing.map((r) => r.id) },
          ),
        )
      }
    }
  }
  return { rows, findings }
}

/** The items of seq 22-26 against the meeting checks; `null` rows when there is no procedure file. */
export function procedureCoverage(ruleSet: RuleSet, scenarios: readonly CheckedMeetingScenario[]): { rows: ProcedureCoverageRow[] | null; findings: Finding[] } {
  const procedure = ruleSet.meetingProcedure
  const articles = articlesOf(ruleSet, (a) => a.doc === 'implementation-measures' && (PROCEDURE_SEQS as readonly number[]).includes(a.seq))
  if (!procedure) {
    return {
      rows: null,
      findings: [
        finding(
          'procedure_not_loaded',
          'info',
          '规则集里没有联席会议程序文件（kind: procedure），第十三条至第十七条（seq 22-26）的议事程序没有检查。',
          'the rule set has no joint-meeting procedure file (kind: procedure), so the procedure of seq 22-26 is not checked.',
          articles.map((a) => a.at).slice(0, 1),
        ),
      ],
    }
  }
  const rows: ProcedureCoverageRow[] = []
  const findings: Finding[] = []
  for (const article of articles) {
    for (const item of article.items) {
      const checks = procedure.checks.filter((c) => c.cites.some((ref) => citesItem(ref, 'implementation-measures', article.seq, item.item)))
      const codes = checks.map((c) => c.code)
      const reaching = scenarios.filter((s) => codes.some((c) => s.fired.has(c))).map((s) => s.name)
      rows.push({ seq: article.seq, printed: article.printed, item: item.item, ...(item.label ? { label: item.label } : {}), text: item.text, checks: codes, ...(item.check ? { notChecked: item.check.not } : {}), scenarios: reaching, at: article.at })
      if (checks.length === 0 && !item.check) {
        findings.push(
          finding(
            'procedure_item_unchecked',
            'warning',
            `议事程序 ${itemName(article, item)}「${item.text}」没有任何会议检查引用。如果它规定了会议必须怎样做，请在 ${procedure.at.file} 加一项检查（cites: [{ seq: ${article.seq}, item: ${item.item} }]）；如果它只是工作内容，不约束会议程序，请在条文文件中该项下写 check: { not: 理由 }。`,
            `procedure item ${itemNameEn(article, item)} is cited by no meeting check. If it says how a meeting must be run, add a check citing it to ${procedure.at.file}; if it only lists the meeting's work, mark the item in the articles file with check: { not: reason }.`,
            [article.at],
          ),
        )
      }
    }
  }
  return { rows, findings }
}

// A span of time in the national rules' text: 七个工作日内, 四十五个工作日, 三年, 15 working days.
const TIME_LIMIT = /[〇零一二三四五六七八九十百两\d]+个?(?:工作日|自然日|日|天|个月|年)(?:内|以内)?|\d+ (?:working )?days/

/** The deadline rules (rules/deadlines.yaml): each deadline with the articles it, its extension and its suspension rest on. */
export function deadlineRulesOf(ruleSet: RuleSet): CitingRule[] | undefined {
  return ruleSet.deadlines?.deadlines.map((d) => ({
    id: d.id,
    // An extension or a suspension enforces the article it rests on as much as the deadline itself.
    cites: [...d.cites, ...(d.extension?.cites ?? []), ...(d.suspension?.cites ?? [])],
    at: d.at,
  }))
}

/** Escalation scenarios and the deadlines their expectations name (what the test runner checks). */
export interface DeadlineScenario {
  name: string
  deadlines: ReadonlySet<string>
}

/** The national time limits against the deadline rules (and any other rule citing them). */
export function timeLimitCoverage(ruleSet: RuleSet, scenarios: readonly RoutedScenario[], deadlineScenarios: readonly DeadlineScenario[] = []): { rows: TimeLimitCoverageRow[]; findings: Finding[]; loaded: boolean } {
  const deadlineRules = deadlineRulesOf(ruleSet)
  const others = allRules(ruleSet)
  const rows: TimeLimitCoverageRow[] = []
  const findings: Finding[] = []
  for (const article of articlesOf(ruleSet, (a) => a.doc !== 'implementation-measures')) {
    const places: { item?: ArticleRecord['items'][number]; text: string; limit: string }[] = []
    const own = TIME_LIMIT.exec(article.text ?? '') ?? (article.items.length === 0 ? TIME_LIMIT.exec(article.note ?? '') : null)
    if (own) places.push({ text: article.text ?? article.note ?? '', limit: own[0] })
    for (const item of article.items) {
      const m = TIME_LIMIT.exec(item.text)
      if (m) places.push({ item, text: item.text, limit: m[0] })
    }
    for (const place of places) {
      const itemNo = place.item?.item
      const cite = (r: CitingRule) => r.cites.some((c) => citesItem(c, article.doc, article.seq, itemNo))
      const deadline = (deadlineRules ?? []).filter(cite)
      const rules = others.filter(cite)
      rows.push({
        doc: article.doc,
        docTitle: article.docTitle,
        seq: article.seq,
        printed: article.printed,
        ...(place.item ? { item: place.item.item, ...(place.item.label ? { label: place.item.label } : {}) } : {}),
        limit: place.limit,
        text: place.text,
        deadlineRules: deadline.map((r) => r.id),
        rules: rules.map((r) => r.id),
        scenarios: [
          ...scenarios.filter((s) => basisHas(s.decision, article.doc, article.seq, itemNo)).map((s) => s.name),
          ...deadlineScenarios.filter((s) => deadline.some((d) => s.deadlines.has(d.id))).map((s) => s.name),
        ],
        at: article.at,
      })
      if (deadlineRules && deadline.length === 0 && rules.length === 0) {
        const name = `${article.docTitle ? `《${article.docTitle}》` : ''}${article.printed}${place.item ? (place.item.label ?? `第${place.item.item}项`) : ''}`
        findings.push(
          finding(
            'time_limit_unenforced',
            'warning',
            `${name}规定的时限「${place.limit}」没有期限规则引用，到期不会提醒或督办。请加一条引用它的期限规则（cites: [{ doc: ${article.doc}, seq: ${article.seq}${itemNo ? `, item: ${itemNo}` : ''} }]）。`,
            `the time limit "${place.limit}" of ${article.doc} seq ${article.seq}${itemNo ? ` item ${itemNo}` : ''} is cited by no deadline rule, so nothing tracks it. Add a deadline rule citing it.`,
            [article.at],
          ),
        )
      }
    }
  }
  if (!deadlineRules && rows.length > 0) {
    findings.push(
      finding(
        'deadlines_not_loaded',
        'info',
        `规则集里没有期限规则，国家规定的 ${rows.length} 个时限只由分办规则检查了 ${rows.filter((r) => r.rules.length > 0).length} 个。`,
        `the rule set has no deadline rules; of the ${rows.length} national time limits, routing rules check ${rows.filter((r) => r.rules.length > 0).length}.`,
        rows.slice(0, 1).map((r) => r.at),
      ),
    )
  }
  return { rows, findings, loaded: deadlineRules !== undefined }
}
