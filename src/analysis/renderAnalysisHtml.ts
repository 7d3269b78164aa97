/**
 * The analysis as one self-contained HTML page for legal staff: no scripts, no external files, inline
 * CSS. A coverage matrix (sections × duty items, coloured by how many rules and scenarios reach each
 * item), the findings, and the detailed tables.
 */
import { formatLocation, summaryLines, type FormatOptions } from './formatAnalysis.js'
import { coverageBars, groupedBars, simpleBars } from './analysisCharts.js'
import type { Analysis, AnalysisCode, AnalysisSeverity, DutyCoverageRow, Finding, ProcedureCoverageRow } from './types.js'

export interface HtmlOptions extends FormatOptions {
  /** Shown in the title, e.g. the bureau's name. */
  bureau?: string
  /** The xiaobao version that produced the page (provenance); the CLI passes its package's. */
  xiaobaoVersion?: string
}

/** Each finding kind in a reader's words. */
const CODE_NAMES: Record<AnalysisCode, string> = {
  duty_not_cited: '分办职责没有规则',
  duty_unmarked: '职责未标明',
  duty_marked_not_but_cited: '标为非分办却有规则',
  procedure_item_unchecked: '议事程序没有检查',
  procedure_not_loaded: '没有议事程序文件',
  time_limit_unenforced: '时限没有期限规则',
  deadlines_not_loaded: '没有期限规则',
  lead_collision: '主办冲突',
  rule_shadowed: '规则被遮蔽',
  rule_expired: '规则已过期',
  rule_not_yet_in_force: '规则尚未生效',
  rule_unsatisfiable: '条件自相矛盾',
  vocabulary_unused: '关键词表未使用',
  keyword_shared: '关键词重复',
  keyword_inside_other_keyword: '关键词是别的关键词的一部分',
  keyword_in_word_of_other_meaning: '关键词在另有含义的词里',
  keyword_never_in_field: '关键词在实地语料中未出现',
  keyword_in_common_word: '关键词在通用词表的词里另有含义',
  keyword_not_in_normal_form: '关键词写成了异写，永远不会命中',
  rule_never_fired: '规则从未命中',
  duty_unexercised: '职责没有场景走到',
  condition_untested: '条件未测全',
  scenario_conflict: '场景矛盾',
  scenario_duplicate: '场景重复',
  scenario_unknown_section: '场景中的股室不存在',
}

const SEVERITY_COLOR: Record<AnalysisSeverity, string> = { error: '#c62828', warning: '#b87800', info: '#5b7fa8' }

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

const SEVERITY: Record<AnalysisSeverity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1f2933;background:#f7f8fa;line-height:1.55;font-size:15px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid #d9dee4}
.en{color:#5f6b7a;font-size:.88em}
.banner{display:inline-block;margin:12px 0;padding:8px 14px;border-radius:6px;font-weight:600}
.banner.ok{background:#e3f4e8;color:#146c2e}.banner.fail{background:#fde4e1;color:#a3180b}
ul.summary{margin:6px 0 0 0;padding-left:20px}
table{border-collapse:collapse;background:#fff;margin:8px 0}
th,td{border:1px solid #d3d9e0;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#eef1f5;font-weight:600}
table.matrix td.cell{width:108px;min-width:108px;height:58px;font-size:13px}
table.matrix td.cell b{display:block;font-size:14px}
td.none{background:#fafbfc}
td.not{background:#eceff3;color:#6b7684}
td.unmarked{background:#fff;outline:3px solid #c62828;outline-offset:-3px;color:#a3180b}
td.uncited{background:#f8c9c4;color:#7f1209}
td.untested{background:#fde8b6;color:#7a4b00}
td.low{background:#d3eed9;color:#1d5b2c}
td.mid{background:#96d5a6;color:#103d1c}
td.high{background:#4caf6e;color:#fff}
.legend span{display:inline-block;margin:2px 10px 2px 0;padding:2px 8px;border:1px solid #c9d0d8;border-radius:4px;font-size:13px}
ol.findings{list-style:none;padding:0;margin:0}
li.finding{background:#fff;border:1px solid #d3d9e0;border-left:6px solid #9aa5b1;border-radius:6px;padding:10px 14px;margin:10px 0}
li.finding.error{border-left-color:#c62828}li.finding.warning{border-left-color:#e39b00}li.finding.info{border-left-color:#5b7fa8}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;margin-right:6px;color:#fff}
.badge.error{background:#c62828}.badge.warning{background:#b87800}.badge.info{background:#5b7fa8}
code{font-family:"Noto Sans Mono CJK SC",ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:#eef1f5;padding:0 4px;border-radius:3px}
.where{font-size:13px;color:#4a5563;margin-top:4px}
.example{margin-top:8px;padding:8px 10px;background:#f3f6fa;border-radius:4px;font-size:14px}
.example q{font-weight:600;quotes:"「" "」"}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}
td.notcheck{background:#e8eef6;color:#41546b}
.duty{display:block;font-size:12px;line-height:1.4;margin-top:4px;color:inherit;opacity:.92}
table.matrix td.cell{width:150px;min-width:150px}
.scroll{overflow-x:auto;max-width:100%}
nav.toc{margin:10px 0;font-size:14px}nav.toc a{margin-right:14px;color:#2f5d8a;text-decoration:none}nav.toc a:hover{text-decoration:underline}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:12px 24px}
figure.chart{margin:8px 0;background:#fff;border:1px solid #d3d9e0;border-radius:6px;padding:8px}
.chart-title{font-weight:600;margin:10px 0 2px}
footer.provenance,.provenance{font-size:13px;color:#4a5563}
footer.provenance{margin-top:32px;border-top:1px solid #d3d9e0;padding-top:8px}
.desc{display:block;font-size:13px}
@media (max-width:640px){
  body{padding:12px;font-size:14px}
  h1{font-size:20px}
  .charts{grid-template-columns:1fr}
  table{font-size:13px}
  th,td{padding:4px 5px}
  table.matrix td.cell{width:120px;min-width:120px}
  #duty-table td:nth-child(3){min-width:12em}
}
@media print{
  @page{size:A4;margin:12mm 10mm}
  body{background:#fff;padding:0;font-size:11pt}
  nav.toc{display:none}
  h2{break-after:avoid}
  tr,li.finding,figure.chart{break-inside:avoid;page-break-inside:avoid}
  thead{display:table-header-group}
  .scroll{overflow:visible}
  table.matrix td.cell{width:auto;min-width:0;height:auto;font-size:9pt}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  details>summary{list-style:none}
}
`

function dutyClass(row: DutyCoverageRow): string {
  if (row.routing === 'not') return 'not'
  if (row.rules.length === 0) return row.routing === 'unmarked' ? 'unmarked' : 'uncited'
  if (row.routing === 'unmarked') return 'low'
  if (row.scenarios.length === 0) return 'untested'
  return row.scenarios.length >= 10 ? 'high' : row.scenarios.length >= 3 ? 'mid' : 'low'
}

function procedureClass(row: ProcedureCoverageRow): string {
  if (row.checks.length === 0) return row.notChecked !== undefined ? 'notcheck' : 'uncited'
  if (row.scenarios.length === 0) return 'untested'
  return row.scenarios.length >= 10 ? 'high' : row.scenarios.length >= 3 ? 'mid' : 'low'
}

function tooltip(lines: string[]): string {
  return escape(lines.filter(Boolean).join('\n'))
}

function dutyCell(row: DutyCoverageRow | undefined): string {
  if (!row) return '<td class="cell none"></td>'
  const cls = dutyClass(row)
  const title = tooltip([
    `${row.printed}${row.label ?? `第${row.item}项`}（seq ${row.seq}）${row.text}`,
    row.routing === 'not' ? `非分办职责：${row.notReason ?? ''}` : '',
    row.rules.length ? `规则：${row.rules.join('、')}` : '没有规则引用',
    row.scenarios.length ? `场景：${row.scenarios.slice(0, 8).join('、')}${row.scenarios.length > 8 ? '…' : ''}` : '',
  ])
  const body =
    row.routing === 'not'
      ? `<b>${escape(row.label ?? String(row.item))}</b>非分办<br><span class="en">not routing</span><span class="duty">${escape(row.text)}</span>`
      : `<b>${escape(row.label ?? String(row.item))}</b>规则 ${row.rules.length} 条<br>场景 ${row.scenarios.length} 个${row.routing === 'unmarked' ? '<br>未标明' : ''}<span class="duty">${escape(row.text)}</span>`
  return `<td class="cell ${cls}" data-seq="${row.seq}" data-item="${row.item}" data-rules="${row.rules.length}" data-scenarios="${row.scenarios.length}" title="${title}">${body}</td>`
}

function procedureCell(row: ProcedureCoverageRow | undefined): string {
  if (!row) return '<td class="cell none"></td>'
  const title = tooltip([`${row.printed}第${row.item}项（seq ${row.seq}）${row.text}`, row.checks.length ? `检查：${row.checks.join('、')}` : row.notChecked !== undefined ? `不约束会议程序：${row.notChecked}` : '没有会议检查引用'])
  const cls = procedureClass(row)
  const body =
    cls === 'notcheck'
      ? `<b>${escape(row.label ?? String(row.item))}</b>工作内容，不需检查<br><span class="en">not a procedure rule</span><span class="duty">${escape(row.text)}</span><span class="duty">理由：${escape(row.notChecked ?? '')}</span>`
      : `<b>${escape(row.label ?? String(row.item))}</b>检查 ${row.checks.length} 项<br>场景 ${row.scenarios.length} 个<span class="duty">${escape(row.text)}</span>`
  return `<td class="cell ${cls}" data-seq="${row.seq}" data-item="${row.item}"${row.notChecked !== undefined ? ' data-not-checked="true"' : ''} title="${title}">${body}</td>`
}

function matrix<R extends { seq: number; item: number }>(id: string, corner: string, rows: readonly R[], head: (seq: number, first: R) => string, cellOf: (r: R | undefined) => string): string {
  const seqs = [...new Set(rows.map((r) => r.seq))].sort((a, b) => a - b)
  const width = Math.max(0, ...rows.map((r) => r.item))
  const header = `<tr><th>${corner}</th>${Array.from({ length: width }, (_, i) => `<th>第${i + 1}项<br><span class="en">item ${i + 1}</span></th>`).join('')}</tr>`
  const body = seqs
    .map((seq) => {
      const own = rows.filter((r) => r.seq === seq)
      return `<tr><th>${head(seq, own[0]!)}</th>${Array.from({ length: width }, (_, i) => cellOf(own.find((r) => r.item === i + 1))).join('')}</tr>`
    })
    .join('\n')
  return `<div class="scroll"><table class="matrix" id="${id}">\n<thead>${header}</thead>\n${body}\n</table></div>`
}

const LEGEND = `<p class="legend">
<span class="cell" style="background:#f8c9c4">分办职责，没有规则引用 / routing duty, no rule</span>
<span style="outline:3px solid #c62828;outline-offset:-3px">未标明 / unmarked</span>
<span style="background:#fde8b6">有规则，没有场景走到 / rules, no scenario</span>
<span style="background:#d3eed9">场景 1-2 / 1-2 scenarios</span>
<span style="background:#96d5a6">场景 3-9</span>
<span style="background:#4caf6e;color:#fff">场景 10 个以上 / 10+</span>
<span style="background:#eceff3">非分办职责 / not a routing duty</span>
</p>`

const PROCEDURE_LEGEND = `<p class="legend">
<span style="background:#f8c9c4">程序要求，没有检查 / procedure rule, no check</span>
<span style="background:#fde8b6">有检查，没有场景走到 / checks, no scenario</span>
<span style="background:#d3eed9">场景 1-2</span><span style="background:#96d5a6">场景 3-9</span><span style="background:#4caf6e;color:#fff">场景 10 个以上</span>
<span style="background:#e8eef6">工作内容，标明不需检查（check: { not: … }）/ marked: not a procedure rule</span>
</p>`

function findingItem(f: Finding, options: HtmlOptions): string {
  const where = f.locations.map((l) => `<code>${escape(formatLocation(l, options))}</code>`).join(' ')
  const example = f.example
    ? `<div class="example">例 / example（${f.example.source === 'scenario' ? `测试场景「${escape(f.example.scenario ?? '')}」` : '由规则关键词构造 / built from the rules’ keywords'}）：<q>${escape(f.example.text)}</q><br>今天由 <code>${escape(f.example.winner)}</code> 主办（${escape(f.example.lead)}）<span class="en"> / leads today</span></div>`
    : ''
  return `<li class="finding ${f.severity}" data-code="${f.code}"><span class="badge ${f.severity}">${SEVERITY[f.severity].zh} ${SEVERITY[f.severity].en}</span><code>${f.code}</code>
<div>${escape(f.message)}</div><div class="en">${escape(f.messageEn)}</div>${where ? `<div class="where">位置 / where: ${where}</div>` : ''}${example}</li>`
}

/** The charts: scenarios and rules per section, findings by kind, coverage bars. */
function charts(analysis: Analysis): string {
  const c = analysis.coverage
  const s = analysis.summary
  const sections = new Map<string, { name: string; rules: Set<string>; scenarios: Set<string> }>()
  for (const row of c.duties) {
    const key = row.section ?? `seq ${row.seq}`
    const entry = sections.get(key) ?? { name: row.sectionName ?? key, rules: new Set<string>(), scenarios: new Set<string>() }
    for (const r of row.rules) entry.rules.add(r)
    for (const sc of row.scenarios) entry.scenarios.add(sc)
    sections.set(key, entry)
  }
  for (const rule of c.rules) if (rule.section && sections.has(rule.section)) sections.get(rule.section)!.rules.add(rule.rule)
  const perSection = groupedBars(
    'chart-sections',
    '各股室的测试场景和规则 / scenarios and rules per section',
    [...sections.values()].map((e) => ({ label: e.name, values: [e.scenarios.size, e.rules.size] })),
    [
      { name: '测试场景 / scenarios', color: '#2f5d8a' },
      { name: '规则 / rules', color: '#8fb3d9' },
    ],
  )
  const counts = new Map<string, { label: string; value: number; color: string; rank: number }>()
  for (const f of analysis.findings) {
    const entry = counts.get(f.code) ?? { label: `${CODE_NAMES[f.code]}（${SEVERITY[f.severity].zh}）`, value: 0, color: SEVERITY_COLOR[f.severity], rank: ['error', 'warning', 'info'].indexOf(f.severity) }
    entry.value++
    counts.set(f.code, entry)
  }
  const byKind = counts.size
    ? simpleBars('chart-findings', '发现，按种类 / findings by kind', [...counts.values()].sort((a, b) => a.rank - b.rank || b.value - a.value))
    : '<p id="chart-findings">没有发现 / no findings.</p>'
  const coverage = coverageBars('chart-coverage', '覆盖 / coverage', [
    { label: '分办职责有规则 / duties cited', done: s.duties.cited, total: s.duties.routing },
    { label: '分办职责有场景 / duties exercised', done: s.duties.exercised, total: s.duties.routing },
    ...(s.procedure ? [{ label: '议事程序有检查 / procedure checked', done: s.procedure.checked, total: s.procedure.items - (c.procedure ?? []).filter((r) => r.checks.length === 0 && r.notChecked !== undefined).length }] : []),
    { label: '国家时限有规则 / time limits enforced', done: s.timeLimits.enforced, total: s.timeLimits.items },
    { label: '规则在测试中命中 / rules fired', done: s.rules.fired, total: s.rules.total },
    { label: '条件真假都测到 / conditions both ways', done: s.conditions.bothWays, total: s.conditions.total },
  ])
  return `<div class="charts">
<div><div class="chart-title">覆盖 <span class="en">Coverage</span></div>${coverage}<div class="chart-title">发现，按种类 <span class="en">Findings by kind</span></div>${byKind}</div>
<div><div class="chart-title">各股室的测试场景和规则 <span class="en">Scenarios and rules per section</span></div>${perSection}</div>
</div>`
}

/**
 * The analysis as a standalone HTML page (no scripts, no external resources).
 * @example
 * const html = renderAnalysisHtml(analyzeRuleSet(ruleSet), { bureau: ruleSet.bureau.name })
 */
export function renderAnalysisHtml(analysis: Analysis, options: HtmlOptions = {}): string {
  const s = analysis.summary
  const c = analysis.coverage
  const ok = s.errors === 0
  const title = `${options.bureau ? options.bureau + ' ' : ''}分办规则分析报告`
  const dutyRows = c.duties
  const duties = matrix(
    'coverage-matrix',
    '股室 / 条<br><span class="en">section / article</span>',
    dutyRows,
    (seq, first) => `${escape(first.sectionName ?? first.section ?? '')}<br><span class="en">${escape(first.printed)}（seq ${seq}）${escape(first.section ?? '')}</span>`,
    dutyCell,
  )
  const procedure =
    c.procedure === null
      ? '<p>没有联席会议程序文件 / no joint-meeting procedure file.</p>'
      : PROCEDURE_LEGEND + matrix('procedure-matrix', '条<br><span class="en">article</span>', c.procedure, (seq, first) => `${escape(first.printed)}<br><span class="en">seq ${seq}</span>`, procedureCell)
  const bySeverity = (severity: AnalysisSeverity) => analysis.findings.filter((f) => f.severity === severity)
  const findings = analysis.findings.length
    ? `<ol class="findings" id="findings">\n${(['error', 'warning', 'info'] as const).flatMap((sev) => bySeverity(sev).map((f) => findingItem(f, options))).join('\n')}\n</ol>`
    : '<p id="findings">没有发现 / no findings.</p>'
  const dutyTable = `<div class="scroll"><table id="duty-table"><thead><tr><th>条 / article</th><th>项 / item</th><th>职责原文 / duty</th><th>分办职责 / routing</th><th>引用的规则 / rules</th><th>场景 / scenarios</th></tr></thead>
${dutyRows
  .map(
    (r) =>
      `<tr><td>${escape(r.printed)}（seq ${r.seq}）<br>${escape(r.sectionName ?? '')}</td><td>${escape(r.label ?? String(r.item))}</td><td>${escape(r.text)}</td><td>${r.routing === 'duty' ? '是 / yes' : r.routing === 'not' ? `否 / no：${escape(r.notReason ?? '')}` : '<b>未标明 / unmarked</b>'}</td><td>${r.rules.map((x) => `<code>${escape(x)}</code>`).join(' ') || '—'}</td><td>${r.scenarios.length}</td></tr>`,
  )
  .join('\n')}</table></div>`
  const limits = `<div class="scroll"><table id="time-limits"><thead><tr><th>规定 / rule</th><th>时限 / limit</th><th>原文 / text</th><th>期限规则 / deadline rules</th><th>其他规则 / other rules</th><th>场景 / scenarios</th></tr></thead>
${c.timeLimits
  .map(
    (r) =>
      `<tr><td>《${escape(r.docTitle || r.doc)}》${escape(r.printed)}${escape(r.label ?? (r.item ? `第${r.item}项` : ''))}<br><span class="en">${escape(r.doc)}</span></td><td>${escape(r.limit)}</td><td>${escape(r.text)}</td><td>${r.deadlineRules.map((x) => `<code>${escape(x)}</code>`).join(' ') || '—'}</td><td>${r.rules.map((x) => `<code>${escape(x)}</code>`).join(' ') || '—'}</td><td>${r.scenarios.length}</td></tr>`,
  )
  .join('\n')}</table></div>`
  const STAGE: Record<string, string> = { intake: '受理', screening: '受理/管辖', routing: '分办', meeting: '会议检查' }
  const ROLE: Record<string, string> = { lead: '主办', assist: '协办' }
  const ruleTable = `<div class="scroll"><table id="rule-coverage"><thead><tr><th>规则 / rule</th><th>阶段 / stage</th><th>优先级</th><th>命中/评估<br><span class="en">fired/evaluated</span></th><th>决定<br><span class="en">decided</span></th><th>从未为真的条件 / never true</th><th>从未为假的条件 / never false</th></tr></thead>
${c.rules
  .map((r) => {
    const leaves = r.conditions.filter((x) => !['all', 'any', 'not'].includes(x.condition))
    const never = (pick: (x: (typeof leaves)[number]) => boolean) =>
      leaves
        .filter(pick)
        .map((x) => `<code>${escape(x.path)}</code> ${escape(x.condition)}`)
        .join('<br>') || '—'
    return `<tr><td>${r.description ? `<span class="desc">${escape(r.description)}</span>` : ''}<code>${escape(r.rule)}</code></td><td>${STAGE[r.stage] ?? r.stage}${r.role ? ` ${ROLE[r.role] ?? r.role}` : ''}<br><span class="en">${r.stage}${r.role ? ` ${r.role}` : ''}</span></td><td>${r.priority ?? ''}</td><td>${r.fired}/${r.evaluated}</td><td>${r.decided}</td><td>${never((x) => x.madeTrue === 0)}</td><td>${never((x) => x.madeFalse === 0)}</td></tr>`
  })
  .join('\n')}</table></div>`
  const provenance = [
    `xiaobao ${options.xiaobaoVersion ? escape(options.xiaobaoVersion) : '（版本未知 / version unknown）'}`,
    `规则集 / rule set ${s.ruleSet.version ? `版本 version ${escape(s.ruleSet.version)}，` : ''}内容哈希 hash <code>${escape(s.ruleSet.hash)}</code>`,
    `分析日期 / as of ${escape(s.asOf ?? '—')}`,
  ].join(' · ')
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<div class="en">Routing rules analysis${s.asOf ? ` · as of ${s.asOf}` : ''}</div>
<div class="provenance" id="provenance">${provenance}</div>
<nav class="toc"><a href="#summary">摘要</a><a href="#coverage">职责覆盖</a><a href="#findings-section">发现</a><a href="#procedure">议事程序</a><a href="#limits">国家时限</a><a href="#details">明细</a></nav>
<div class="banner ${ok ? 'ok' : 'fail'}" id="verdict">${ok ? '通过：没有错误 / OK: no errors' : `未通过：${s.errors} 个错误 / FAILED: ${s.errors} error(s)`} · 警告 ${s.warnings} warnings · 提示 ${s.infos} infos</div>
<h2 id="summary">摘要 <span class="en">Summary</span></h2>
${charts(analysis)}
<ul class="summary">${summaryLines(analysis)
    .map((l) => `<li>${escape(l)}</li>`)
    .join('')}</ul>
<h2 id="coverage">分办职责覆盖矩阵 <span class="en">Coverage of the duties (seq 3-21): sections × items</span></h2>
<p>每格是一个股室职责项及其原文：有几条规则引用它，有几个测试场景的分办结果以它为依据。<br><span class="en">Each cell is one duty item with its text: how many rules cite it and how many scenarios' decisions rest on it.</span></p>
${LEGEND}
${duties}
<h2 id="findings-section">发现 <span class="en">Findings</span></h2>
${findings}
<h2 id="procedure">议事程序覆盖 <span class="en">Coverage of the meeting procedure (seq 22-26)</span></h2>
${procedure}
<h2 id="limits">国家规定的时限 <span class="en">National time limits</span></h2>
${limits}
<h2 id="details">明细 <span class="en">Details</span></h2>
<details><summary>各职责项的规则与场景（原文已在上面的矩阵中）/ every duty item (the text is in the matrix above)</summary>${dutyTable}</details>
<details open><summary>各规则的测试覆盖 / test coverage of every rule and condition</summary>${ruleTable}</details>
<footer class="provenance">由 / made by ${provenance}</footer>
</body>
</html>
`
}
