/**
 * The packed tarball, as a user gets it: imports in ESM and CJS, `xiaobao/node`, the bin, and the core
 * bundles for a browser with no `node:` module.
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { beforeAll, describe, expect, test } from 'vitest'

const ROOT = new URL('..', import.meta.url).pathname
let app: string

beforeAll(() => {
  execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'pipe' })
  const packDir = mkdtempSync(join(tmpdir(), 'xiaobao-pack-'))
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!
  app = mkdtempSync(join(tmpdir(), 'xiaobao-app-'))
  const pkg = join(app, 'node_modules', 'xiaobao')
  mkdirSync(pkg, { recursive: true })
  execFileSync('tar', ['-xzf', join(packDir, tarball), '-C', pkg, '--strip-components=1'])
  // The package's own dependencies, linked from this checkout (no network needed).
  const deps = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies)
  for (const dep of deps) symlinkSync(join(ROOT, 'node_modules', dep), join(app, 'node_modules', dep), 'dir')
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }')
}, 120_000)

const complaint = { kind: 'complaint', receivedOn: '2026-03-02', text: '在超市买的牛奶过期了', respondent: { county: 'XX县' } }

describe('the packed package', () => {
  test('ships dist, rules and schemas, not tests or sources', () => {
    const files = readdirSync(join(app, 'node_modules', 'xiaobao'))
    expect(files).toEqual(expect.arrayContaining(['dist', 'rules', 'package.json', 'README.md']))
    expect(files).not.toContain('test')
    expect(readdirSync(join(app, 'node_modules', 'xiaobao', 'rules', 'schemas'))).toContain('section.schema.json')
  })

  test('imports in ESM and routes with the bundled rules', () => {
    const out = execFileSync('node', ['--input-type=module', '-e', `import { createEngine } from 'xiaobao'; const r = await createEngine().routeComplaint(${JSON.stringify(complaint)}); console.log(r.lead.id)`], { cwd: app, encoding: 'utf8' })
    expect(out.trim()).toBe('food-circulation')
  })

  test('requires in CJS', () => {
    const out = execFileSync('node', ['-e', `const { createEngine, XiaobaoError } = require('xiaobao'); createEngine().routeComplaint(${JSON.stringify(complaint)}).then((r) => console.log(r.lead.id, typeof XiaobaoError))`], { cwd: app, encoding: 'utf8' })
    expect(out.trim()).toBe('food-circulation function')
  })

  test('xiaobao/node loads a rules folder, in ESM and CJS', () => {
    const rules = join(app, 'node_modules', 'xiaobao', 'rules')
    const esm = execFileSync('node', ['--input-type=module', '-e', `import { loadRuleSet } from 'xiaobao/node'; const r = await loadRuleSet(${JSON.stringify(rules)}); console.log(r.routingRules.length > 0)`], { cwd: app, encoding: 'utf8' })
    expect(esm.trim()).toBe('true')
    const cjs = execFileSync('node', ['-e', `require('xiaobao/node').loadRuleSet(${JSON.stringify(rules)}).then((r) => console.log(r.routingRules.length > 0))`], { cwd: app, encoding: 'utf8' })
    expect(cjs.trim()).toBe('true')
  })

  test('route --jobs 2 (worker threads) writes byte for byte what one thread writes, in order', () => {
    const lines = Array.from({ length: 700 }, (_, i) =>
      i % 97 === 5 ? '{ not json' : i % 89 === 7 ? '' : JSON.stringify({ id: `J-${i}`, kind: i % 3 ? 'complaint' : 'report', receivedOn: '2026-03-02', text: i % 2 ? `超市牛奶过期 ${i}` : `电子秤缺斤少两 ${i}`, respondent: { county: 'XX县' } }),
    )
    const file = join(app, 'jobs.ndjson')
    writeFileSync(file, lines.join('\n') + '\n')
    const bin = join(app, 'node_modules', 'xiaobao', 'dist', 'cli', 'index.js')
    const one = execFileSync('node', [bin, 'route', file], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
    const two = execFileSync('node', [bin, 'route', file, '--jobs', '2'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
    expect(two).toBe(one)
    expect(one.trim().split('\n')).toHaveLength(lines.filter((l) => l !== '').length)
  })

  test('the bin runs', () => {
    const out = execFileSync('node', [join(app, 'node_modules', 'xiaobao', 'dist', 'cli', 'index.js'), 'lint', join(app, 'node_modules', 'xiaobao', 'rules')], { cwd: app, encoding: 'utf8' })
    expect(out).toContain('rules OK')
  })

  test("a new bureau with the README's commands: init its own folder, lint, test, route, and load it in an app", () => {
    const bin = join(app, 'node_modules', 'xiaobao', 'dist', 'cli', 'index.js')
    const run = (args: string[], input?: string) => execFileSync('node', [bin, ...args], { cwd: app, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] })
    const init = run(['init', 'rules', '--county', '青田县'])
    expect(init).toContain('npx xiaobao lint rules')
    expect(run(['lint', 'rules'])).toContain('规则检查通过')
    expect(run(['test', 'rules']).trim().split('\n').at(-1)).toMatch(/^[1-9]\d* passed, 0 failed$/)
    const decision = JSON.parse(run(['route', '-', '--rules', 'rules'], JSON.stringify({ kind: 'complaint', receivedOn: '2026-03-02', text: '在超市买的牛奶过期了', respondent: { county: '青田县' } })))
    expect(decision).toMatchObject({ disposition: 'route', lead: { id: 'food-circulation' } })
    const out = execFileSync(
      'node',
      ['--input-type=module', '-e', `import { createEngine } from 'xiaobao'; import { loadRuleSet } from 'xiaobao/node'; const engine = createEngine({ rules: await loadRuleSet('./rules') }); console.log(engine.ruleSet.bureau.county)`],
      { cwd: app, encoding: 'utf8' },
    )
    expect(out.trim()).toBe('青田县')
  })

  test('the workbench serves the page built into the package (dist/workbench), nothing else needed', async () => {
    const bin = join(app, 'node_modules', 'xiaobao', 'dist', 'cli', 'index.js')
    const child = spawn('node', [bin, 'workbench', join(app, 'node_modules', 'xiaobao', 'rules')], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk
          const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out)
          if (match) resolve(match[0])
        })
        child.once('exit', (code) => reject(new Error(`workbench exited with ${code}: ${out}`)))
      })
      const origin = url.slice(0, url.indexOf('/#'))
      const page = await fetch(origin + '/')
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('/assets/app.js')
      const script = await fetch(origin + '/assets/app.js')
      expect(script.headers.get('content-type')).toContain('javascript')
      expect((await script.text()).length).toBeGreaterThan(100_000)
      expect((await fetch(origin + '/assets/app.css')).status).toBe(200)
      expect((await fetch(origin + '/assets/worker.js')).status).toBe(200)
      expect((await fetch(origin + '/api/files')).status).toBe(403)
      const token = url.slice(url.indexOf('token=') + 6)
      expect((await fetch(origin + '/api/files', { headers: { 'X-Xiaobao-Token': token } })).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
  })

  test('the core bundles for a browser: no node: modules', async () => {
    const entry = join(app, 'browser-entry.js')
    writeFileSync(entry, `import { createEngine } from 'xiaobao'; createEngine().routeComplaint(${JSON.stringify(complaint)}).then((r) => globalThis.result = r)`)
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', write: false, format: 'esm', logLevel: 'silent', absWorkingDir: app })
    expect(result.errors).toEqual([])
    const code = result.outputFiles[0]!.text
    expect(code).not.toMatch(/from\s*["']node:|require\(["'](node:)?(fs|path|os|child_process)["']\)/)
  })
})
