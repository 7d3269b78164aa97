/**
 * The workbench's one HTML page: a shell for the bundled script, which builds everything else.
 */
export function workbenchPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>规则工作台 · xiaobao</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<div id="app"><p class="loading">正在载入规则… / loading the rules…</p></div>
<noscript>工作台需要 JavaScript。/ The workbench needs JavaScript.</noscript>
</body>
</html>
`
}
