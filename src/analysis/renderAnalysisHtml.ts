/**
 * The analysis as one self-contained HTML page for legal staff: no scripts, no external files, inline
 * CSS. A coverage matrix (sections × duty items, coloured by how many rules and scenarios reach each
 * item), the findings, and the detailed tables.
 */
import { formatLocation, summaryLines, type FormatOptions } from './formatAnalysis.js'
import type { Analysis, AnalysisSeverity, DutyCoverageRow, Finding, ProcedureCoverageRow } from './types.js'

export interface HtmlOptions extends FormatOptions {
  /** Shown in the title, e.g. the bureau's name. */
  bureau?: string
}

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
`

function dutyClass(row: DutyCoverageRow): string {
  if (row.routing === 'not') return 'not'
  if (row.rules.length === 0) return row.routing === 'unmarked' ? 'unmarked' : 'uncited'
  if (row.routing === 'unmarked') return 'low'
  if (row.scenarios.length === 0) return 'untested'
  return row.scenarios.length >= 10 ? 'high' : row.scenarios.length >= 3 ? 'mid' : 'low'
}

function procedureClass(row: ProcedureCoverageRow): string {
  if (row.checks.length === 0) return 'uncited'
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
      ? `<b>${escape(row.label ?? String(row.item))}</b>非分办<br><span class="en">not routing</span>`
      : `<b>${escape(row.label ?? String(row.item))}</b>规则 ${row.rules.length} 条<br>场景 ${row.scenarios.length} 个${row.routing === 'unmarked' ? '<br>未标明' : ''}`
  return `<td class="cell ${cls}" data-seq="${row.seq}" data-item="${row.item}" data-rules="${row.rules.length}" data-scenarios="${row.scenarios.length}" title="${title}">${body}</td>`
}

function procedureCell(row: ProcedureCoverageRow | undefined): string {
  if (!row) return '<td class="cell none"></td>'
  const title = tooltip([`${row.printed}第${row.item}项（seq ${row.seq}）${row.text}`, row.checks.length ? `检查：${row.checks.join('、')}` : '没有会议检查引用'])
  return `<td class="cell ${procedureClass(row)}" data-seq="${row.seq}" data-item="${row.item}" title="${title}"><b>${escape(row.label ?? String(row.item))}</b>检查 ${row.checks.length} 项<br>场景 ${row.scenarios.length} 个</td>`
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
  return `<table class="matrix" id="${id}">\n${header}\n${body}\n</table>`
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

function findingItem(f: Finding, options: HtmlOptions): string {
  const where = f.locations.map((l) => `<code>${escape(formatLocation(l, options))}</code>`).join(' ')
  const example = f.example
    ? `<div class="example">例 / example（${f.example.source === 'scenario' ? `测试场景「${escape(f.example.scenario ?? '')}」` : '由规则关键词构造 / built from the rules’ keywords'}）：<q>${escape(f.example.text)}</q><br>今天由 <code>${escape(f.example.winner)}</code> 主办（${escape(f.example.lead)}）<span class="en"> / leads today</span></div>`
    : ''
  return `<li class="finding ${f.severity}" data-code="${f.code}"><span class="badge ${f.severity}">${SEVERITY[f.severity].zh} ${SEVERITY[f.severity].en}</span><code>${f.code}</code>
<div>${escape(f.message)}</div><div class="en">${escape(f.messageEn)}</div>${where ? `<div class="where">位置 / where: ${where}</div>` : ''}${example}</li>`
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
      : matrix('procedure-matrix', '条<br><span class="en">article</span>', c.procedure, (seq, first) => `${escape(first.printed)}<br><span class="en">seq ${seq}</span>`, procedureCell)
  const bySeverity = (severity: AnalysisSeverity) => analysis.findings.filter((f) => f.severity === severity)
  const findings = analysis.findings.length
    ? `<ol class="findings" id="findings">\n${(['error', 'warning', 'info'] as const).flatMap((sev) => bySeverity(sev).map((f) => findingItem(f, options))).join('\n')}\n</ol>`
    : '<p id="findings">没有发现 / no findings.</p>'
  const dutyTable = `<table id="duty-table"><tr><th>条 / article</th><th>项 / item</th><th>职责原文 / duty</th><th>分办职责 / routing</th><th>引用的规则 / rules</th><th>场景 / scenarios</th></tr>
${dutyRows
  .map(
    (r) =>
      `<tr><td>${escape(r.printed)}（seq ${r.seq}）<br>${escape(r.sectionName ?? '')}</td><td>${escape(r.label ?? String(r.item))}</td><td>${escape(r.text)}</td><td>${r.routing === 'duty' ? '是 / yes' : r.routing === 'not' ? `否 / no：${escape(r.notReason ?? '')}` : '<b>未标明 / unmarked</b>'}</td><td>${r.rules.map((x) => `<code>${escape(x)}</code>`).join(' ') || '—'}</td><td>${r.scenarios.length}</td></tr>`,
  )
  .join('\n')}</table>`
  const limits = `<table id="time-limits"><tr><th>规定 / rule</th><th>时限 / limit</th><th>期限规则 / deadline rules</th><th>其他规则 / other rules</th><th>场景 / scenarios</th></tr>
${c.timeLimits
  .map(
    (r) =>
      `<tr><td>${escape(r.doc)} ${escape(r.printed)}${escape(r.label ?? (r.item ? `第${r.item}项` : ''))}</td><td>${escape(r.limit)}</td><td>${r.deadlineRules.map((x) => `<code>${escape(x)}</code>`).join(' ') || '—'}</td><td>${r.rules.map((x) => `<code>${escape(x)}</code>`).join(' ') || '—'}</td><td>${r.scenarios.length}</td></tr>`,
  )
  .join('\n')}</table>`
  const ruleTable = `<table id="rule-coverage"><tr><th>规则 / rule</th><th>阶段 / stage</th><th>优先级</th><th>命中/评估<br><span class="en">fired/evaluated</span></th><th>决定<br><span class="en">decided</span></th><th>从未为真的条件 / never true</th><th>从未为假的条件 / never false</th></tr>
${c.rules
  .map((r) => {
    const leaves = r.conditions.filter((x) => !['all', 'any', 'not'].includes(x.condition))
    const never = (pick: (x: (typeof leaves)[number]) => boolean) =>
      leaves
        .filter(pick)
        .map((x) => `<code>${escape(x.path)}</code> ${escape(x.condition)}`)
        .join('<br>') || '—'
    return `<tr><td><code>${escape(r.rule)}</code></td><td>${r.stage}${r.role ? ` ${r.role}` : ''}</td><td>${r.priority ?? ''}</td><td>${r.fired}/${r.evaluated}</td><td>${r.decided}</td><td>${never((x) => x.madeTrue === 0)}</td><td>${never((x) => x.madeFalse === 0)}</td></tr>`
  })
  .join('\n')}</table>`
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
<div class="banner ${ok ? 'ok' : 'fail'}" id="verdict">${ok ? '通过：没有错误 / OK: no errors' : `未通过：${s.errors} 个错误 / FAILED: ${s.errors} error(s)`} · 警告 ${s.warnings} warnings · 提示 ${s.infos} infos</div>
<ul class="summary">${summaryLines(analysis)
    .map((l) => `<li>${escape(l)}</li>`)
    .join('')}</ul>
<h2>分办职责覆盖矩阵 <span class="en">Coverage of the duties (seq 3-21): sections × items</span></h2>
<p>每格是一个股室职责项：有几条规则引用它，有几个测试场景的分办结果以它为依据。鼠标停在格上可看原文、规则和场景。<br><span class="en">Each cell is one duty item: how many rules cite it and how many scenarios' decisions rest on it. Hover for the text, rules and scenarios.</span></p>
${LEGEND}
${duties}
<h2>发现 <span class="en">Findings</span></h2>
${findings}
<h2>议事程序覆盖 <span class="en">Coverage of the meeting procedure (seq 22-26)</span></h2>
${procedure}
<h2>国家规定的时限 <span class="en">National time limits</span></h2>
${limits}
<h2>明细 <span class="en">Details</span></h2>
<details><summary>各职责项的规则与场景 / every duty item</summary>${dutyTable}</details>
<details><summary>各规则的测试覆盖 / test coverage of every rule and condition</summary>${ruleTable}</details>
</body>
</html>
`
}
