/**
 * The analysis as text for a terminal, and as Markdown for a merge request or a case file: Chinese
 * first, English alongside, every finding with its `file:line:col`.
 */
import type { SourceLocation } from '../ruleset/types.js'
import type { Analysis, AnalysisSeverity, DutyCoverageRow, Finding } from './types.js'

export interface FormatOptions {
  /** How a rule file's path is shown, e.g. prefixed with the rules folder. Default: as it is. */
  file?: (path: string) => string
}

const SEVERITY_ZH: Record<AnalysisSeverity, string> = { error: '错误', warning: '警告', info: '提示' }

export function formatLocation(at: SourceLocation, options: FormatOptions = {}): string {
  return `${options.file ? options.file(at.file) : at.file}:${at.line}:${at.col}`
}

/** The summary lines, Chinese first with English alongside. */
export function summaryLines(analysis: Analysis): string[] {
  const s = analysis.summary
  const lines = [
    `分析日期 / as of: ${s.asOf ?? '（无测试场景 / no scenarios）'}；测试场景 / scenarios: ${s.scenarios}${s.meetingScenarios ? `，会议场景 / meeting scenarios: ${s.meetingScenarios}` : ''}`,
    `分办职责（seq 3-21）/ routing duties: ${s.duties.routing} 项 items，规则引用 cited ${s.duties.cited}，场景走到 exercised ${s.duties.exercised}；非分办职责 not routing ${s.duties.notRouting}；未标明 unmarked ${s.duties.unmarked}`,
    s.procedure
      ? `议事程序（seq 22-26）/ meeting procedure: ${s.procedure.items} 项 items，有检查 checked ${s.procedure.checked}，场景走到 exercised ${s.procedure.exercised}`
      : '议事程序（seq 22-26）/ meeting procedure: 未加载 / not loaded',
    `国家规定的时限 / national time limits: ${s.timeLimits.items} 个，有规则 enforced ${s.timeLimits.enforced}${s.timeLimits.deadlineRulesLoaded ? '' : '（期限规则未加载 / no deadline rules）'}`,
    `规则 / rules: ${s.rules.total} 条，测试中命中过 fired in a scenario ${s.rules.fired}`,
    `条件 / conditions: ${s.conditions.total} 个，为真过 made true ${s.conditions.madeTrue}，为假过 made false ${s.conditions.madeFalse}，真假都有 both ${s.conditions.bothWays}`,
    `主办冲突 / lead collisions: ${s.collisions}`,
    `发现 / findings: 错误 errors ${s.errors}，警告 warnings ${s.warnings}，提示 infos ${s.infos}`,
  ]
  return lines
}

function exampleLines(f: Finding): string[] {
  if (!f.example) return []
  const e = f.example
  return [
    `例 / example（${e.source === 'scenario' ? `测试场景 scenario「${e.scenario}」` : '由规则关键词构造 / built from the rules’ keywords'}）：「${e.text}」`,
    `今天 / today: ${e.winner} 主办 leads（${e.lead}）`,
    `输入 / input: ${JSON.stringify(e.input)}`,
  ]
}

/** One finding as compiler-style text: `file:line:col 错误 [code] 消息`, English and example below. */
export function formatFinding(f: Finding, options: FormatOptions = {}): string {
  const [first, ...others] = f.locations
  const where = first ? formatLocation(first, options) + ' ' : ''
  const lines = [`${where}${SEVERITY_ZH[f.severity]} [${f.code}] ${f.message}`, `    ${f.messageEn}`]
  for (const line of exampleLines(f)) lines.push(`    ${line}`)
  if (others.length) lines.push(`    另见 / see also: ${others.map((l) => formatLocation(l, options)).join(', ')}`)
  return lines.join('\n')
}

/**
 * The readable report for a terminal: findings (infos only counted unless `verbose`), then the summary.
 * @example
 * console.log(formatAnalysisText(analyzeRuleSet(defaultRuleSet())))
 */
export function formatAnalysisText(analysis: Analysis, options: FormatOptions & { verbose?: boolean } = {}): string {
  const out: string[] = ['xiaobao analyze：规则分析 / rule analysis', '']
  const shown = analysis.findings.filter((f) => options.verbose || f.severity !== 'info')
  for (const f of shown) out.push(formatFinding(f, options), '')
  const hidden = analysis.findings.length - shown.length
  if (hidden) out.push(`（另有 ${hidden} 条提示，用 --verbose 或 --format markdown 查看 / ${hidden} infos hidden; see --verbose or --format markdown）`, '')
  out.push('摘要 / summary', ...summaryLines(analysis).map((l) => `  ${l}`))
  out.push(
    '',
    analysis.summary.errors > 0
      ? `未通过：有 ${analysis.summary.errors} 个错误 / FAILED: ${analysis.summary.errors} error(s)`
      : '通过：没有错误 / OK: no errors',
  )
  return out.join('\n') + '\n'
}

/**
 * What `xiaobao test --coverage` prints: which rules, conditions and article items the scenarios reach.
 * @example
 * process.stdout.write(formatCoverageSummary(analyzeRuleSet(defaultRuleSet())))
 */
export function formatCoverageSummary(analysis: Analysis, options: FormatOptions = {}): string {
  const s = analysis.summary
  const c = analysis.coverage
  const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 100)}%`)
  const lines = [
    '测试覆盖 / test coverage',
    `  规则 / rules: ${s.rules.fired}/${s.rules.total} 命中过 fired (${pct(s.rules.fired, s.rules.total)})`,
    `  条件 / conditions: ${s.conditions.madeTrue}/${s.conditions.total} 为真过 made true, ${s.conditions.madeFalse}/${s.conditions.total} 为假过 made false, ${s.conditions.bothWays}/${s.conditions.total} 真假都有 both (${pct(s.conditions.bothWays, s.conditions.total)})`,
    `  分办职责 / routing duties: ${s.duties.exercised}/${s.duties.routing} 有场景走到 exercised (${pct(s.duties.exercised, s.duties.routing)})`,
  ]
  if (s.procedure) lines.push(`  议事程序 / meeting procedure: ${s.procedure.exercised}/${s.procedure.items} 有场景走到 exercised`)
  const neverFired = c.rules.filter((r) => r.fired === 0)
  if (neverFired.length) {
    lines.push(`  从未命中的规则 / rules no scenario fires (${neverFired.length}):`)
    for (const r of neverFired) lines.push(`    ${formatLocation(r.at, options)} ${r.rule}`)
  }
  const unreached = c.duties.filter((r) => r.routing === 'duty' && r.scenarios.length === 0)
  if (unreached.length) {
    lines.push(`  没有场景走到的分办职责 / routing duties no scenario reaches (${unreached.length}):`)
    for (const r of unreached) lines.push(`    ${r.printed}${r.label ?? `第${r.item}项`}（seq ${r.seq}）${r.sectionName ?? ''}`)
  }
  const partial = c.rules.filter((r) => r.fired > 0 && r.conditions.some((x) => x.madeTrue === 0 || x.madeFalse === 0))
  if (partial.length) {
    lines.push(`  有条件从未为真或从未为假的规则 / rules with a condition never true or never false (${partial.length}):`)
    for (const r of partial) {
      const paths = r.conditions.filter((x) => x.madeTrue === 0 || x.madeFalse === 0).map((x) => `${x.path}${x.madeTrue === 0 ? ' 从未为真 never true' : ' 从未为假 never false'}`)
      lines.push(`    ${r.rule}: ${paths.join('; ')}`)
    }
  }
  return lines.join('\n') + '\n'
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)]
}

function routingLabel(row: DutyCoverageRow): string {
  return row.routing === 'duty' ? '分办 / routing' : row.routing === 'not' ? `否 / not：${row.notReason ?? ''}` : '**未标明 / unmarked**'
}

function short(text: string, max = 40): string {
  return text.length > max ? text.slice(0, max) + '…' : text
}

/**
 * The whole analysis as Markdown: summary, findings, and every coverage table.
 * @example
 * const markdown = formatAnalysisMarkdown(analyzeRuleSet(ruleSet), { file: (path) => `rules/${path}` })
 */
export function formatAnalysisMarkdown(analysis: Analysis, options: FormatOptions = {}): string {
  const c = analysis.coverage
  const out: string[] = ['# 规则分析 / Rule analysis', '', ...summaryLines(analysis).map((l) => `- ${l}`), '']
  out.push('## 发现 / Findings', '')
  if (analysis.findings.length === 0) out.push('没有发现 / none.', '')
  for (const f of analysis.findings) {
    const where = f.locations.map((l) => `\`${formatLocation(l, options)}\``).join(', ')
    out.push(`- **${SEVERITY_ZH[f.severity]} / ${f.severity}** \`${f.code}\` ${where}  `, `  ${f.message}  `, `  ${f.messageEn}`)
    for (const line of exampleLines(f)) out.push(`  ${line.startsWith('输入') ? line.replace(/^(输入 \/ input: )(.*)$/, '$1`$2`') : line}  `)
  }
  out.push('', '## 分办职责覆盖 / Coverage of the routing duties (seq 3-21)', '')
  out.push(
    ...table(
      ['条 / article', '项 / item', '股室 / section', '分办职责 / routing', '引用的规则 / rules citing it', '走到的场景 / scenarios'],
      c.duties.map((r) => [
        `${r.printed}（seq ${r.seq}）`,
        `${r.label ?? r.item} ${short(r.text)}`,
        r.sectionName ?? r.section ?? '',
        routingLabel(r),
        r.rules.join(', ') || '—',
        String(r.scenarios.length),
      ]),
    ),
    '',
  )
  out.push('## 议事程序覆盖 / Coverage of the meeting procedure (seq 22-26)', '')
  if (c.procedure === null) out.push('没有联席会议程序文件 / no procedure file.', '')
  else
    out.push(
      ...table(
        ['条 / article', '项 / item', '会议检查 / checks', '走到的场景 / scenarios'],
        c.procedure.map((r) => [`${r.printed}（seq ${r.seq}）`, `${r.label ?? r.item} ${short(r.text)}`, r.checks.join(', ') || '—', String(r.scenarios.length)]),
      ),
      '',
    )
  out.push('## 国家规定的时限 / National time limits', '')
  out.push(
    ...table(
      ['规定 / rule', '时限 / limit', '期限规则 / deadline rules', '其他规则 / other rules', '走到的场景 / scenarios'],
      c.timeLimits.map((r) => [`${r.doc} ${r.printed}${r.label ?? (r.item ? `第${r.item}项` : '')}`, r.limit, r.deadlineRules.join(', ') || '—', r.rules.join(', ') || '—', String(r.scenarios.length)]),
    ),
    '',
  )
  out.push('## 规则的测试覆盖 / Test coverage of the rules', '')
  out.push(
    ...table(
      ['规则 / rule', '阶段 / stage', '优先级 / priority', '命中/评估 fired/evaluated', '决定 / decided', '条件真假都有 / conditions both ways'],
      c.rules.map((r) => [
        `\`${r.rule}\``,
        `${r.stage}${r.role ? ` ${r.role}` : ''}`,
        r.priority === undefined ? '' : String(r.priority),
        `${r.fired}/${r.evaluated}`,
        String(r.decided),
        `${r.conditions.filter((x) => x.madeTrue > 0 && x.madeFalse > 0).length}/${r.conditions.length}`,
      ]),
    ),
    '',
  )
  return out.join('\n')
}
