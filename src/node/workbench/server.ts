/**
 * The workbench's local server. It only lists, reads and writes the rules folder's files and serves the
 * page; the page runs the core itself (parses, routes, runs the scenarios). It listens on 127.0.0.1 only,
 * answers only to `Host: 127.0.0.1:<port>` or `localhost:<port>` (so a DNS-rebinding page cannot reach
 * it), and every `/api/` request must carry the session token in the `X-Xiaobao-Token` header (so another
 * site open in the same browser cannot make requests with it: a custom header needs a CORS preflight,
 * which this server never grants). A save is written only when the whole rule set, with the new text,
 * loads without error; the previous version is kept as `<file>.bak`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { lstat, readdir, readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { basename, dirname, join } from 'node:path'
import * as z from 'zod'
import { parseRuleSet } from '../../index.js'
import { readRuleFolder } from '../index.js'
import type { WorkbenchAssets } from './assets.js'
import { workbenchPage } from './page.js'
import { resolveRulePath } from './rulePath.js'

export const TOKEN_HEADER = 'x-xiaobao-token'

export interface WorkbenchOptions {
  /** The rules folder to edit. */
  rulesDir: string
  /** The page's script and style sheet (`loadWorkbenchAssets()`). */
  assets: WorkbenchAssets
  /** 0 or omitted: a free port chosen by the system. */
  port?: number
  /** The session token; omitted: 32 random bytes. */
  token?: string
}

export interface Workbench {
  /** The address to open, with the token in the fragment (never sent to the server, never logged). */
  url: string
  origin: string
  port: number
  token: string
  rulesDir: string
  close(): Promise<void>
}

// Transport bound only: the loader itself refuses a rule file over its size limit (file_too_large).
const MAX_BODY_BYTES = 8 * 1024 * 1024

const saveBody = z.strictObject({ path: z.string(), text: z.string() })

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

// CodeMirror adds its styles in <style> elements at run time, hence 'unsafe-inline' for styles only.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; worker-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Starts the workbench server on 127.0.0.1. */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const root = await realpath(options.rulesDir)
  if (!(await lstat(root)).isDirectory()) throw new Error(`${options.rulesDir} is not a folder`)
  const token = options.token ?? randomBytes(32).toString('base64url')
  const tokenBytes = Buffer.from(token)
  let allowedHosts: string[] = []
  let allowedOrigins: string[] = []

  const send = (res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra })
    res.end(body)
  }
  const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value))
  const refuse = (res: ServerResponse, status: number, message: string, messageEn: string) => json(res, status, { ok: false, message, messageEn })

  const tokenOk = (req: IncomingMessage) => {
    const given = req.headers[TOKEN_HEADER]
    if (typeof given !== 'string') return false
    const bytes = Buffer.from(given)
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = req.headers.host ?? ''
    if (!allowedHosts.includes(host.toLowerCase())) {
      return send(res, 421, 'text/plain; charset=utf-8', `不接受的 Host：${JSON.stringify(host)}。工作台只在 ${allowedHosts[0]} 上回答。\nMisdirected request: the workbench answers only to ${allowedHosts.join(' or ')}.\n`)
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n', { Allow: 'GET' })
      return send(res, 200, 'text/html; charset=utf-8', workbenchPage(), { 'Content-Security-Policy': CSP })
    }
    if (url.pathname === '/assets/app.js') return send(res, 200, 'text/javascript; charset=utf-8', options.assets.js)
    if (url.pathname === '/assets/app.css') return send(res, 200, 'text/css; charset=utf-8', options.assets.css)
    if (url.pathname === '/assets/worker.js') return send(res, 200, 'text/javascript; charset=utf-8', options.assets.worker)
    if (!url.pathname.startsWith('/api/')) return send(res, 404, 'text/plain; charset=utf-8', 'Not Found\n')

    // The API: the token, and no other site's page.
    const origin = req.headers.origin
    if ((origin !== undefined && !allowedOrigins.includes(origin)) || req.headers['sec-fetch-site'] === 'cross-site') {
      return refuse(res, 403, '拒绝来自其他网站的请求。', 'requests from another site are refused.')
    }
    if (!tokenOk(req)) return refuse(res, 403, '缺少或错误的会话令牌：请用命令行打印的网址打开工作台。', 'missing or wrong session token: open the workbench with the address the command printed.')

    if (url.pathname === '/api/files' && req.method === 'GET') return json(res, 200, await listFiles(root, options.rulesDir))
    if (url.pathname === '/api/file' && req.method === 'PUT') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, '请求体应为 JSON。', 'the request body must be JSON.')
      const body = await readBody(req, MAX_BODY_BYTES)
      if (body === undefined) return refuse(res, 413, `请求太大（上限 ${MAX_BODY_BYTES / 1048576} MB）。`, 'request too large.')
      let parsed
      try {
        parsed = saveBody.safeParse(JSON.parse(body))
      } catch {
        parsed = undefined
      }
      if (!parsed?.success) return refuse(res, 400, '请求体应为 { path, text }。', 'the request body must be { path, text }.')
      return json(res, ...(await save(root, parsed.data.path, parsed.data.text)))
    }
    return refuse(res, 404, '没有这个接口。', 'no such endpoint.')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) refuse(res, 500, '内部错误。', `internal error: ${error instanceof Error ? error.message : String(error)}`)
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  allowedOrigins = allowedHosts.map((h) => `http://${h}`)
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    rulesDir: root,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The folder's rule files (texts) and its JSON Schemas, for the page. */
async function listFiles(root: string, shown: string) {
  // Files the folder cannot give (a link leading outside, bad UTF-8…) are left out here; the page's own
  // parse and every save report them.
  const { files } = await readRuleFolder(root)
  const schemas: Record<string, unknown> = {}
  const schemaDir = join(root, 'schemas')
  for (const entry of await readdir(schemaDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile() || !entry.name.endsWith('.schema.json')) continue
    try {
      schemas[entry.name] = JSON.parse(await readFile(join(schemaDir, entry.name), 'utf8'))
    } catch {
      // an unreadable schema only costs the editor its completion for that kind
    }
  }
  return { ok: true, folder: shown, name: basename(root), files, schemas }
}

/** Lints the whole set with the new text; writes only if it loads; keeps the old text as `.bak`. */
async function save(root: string, path: string, text: string): Promise<[number, unknown]> {
  const target = await resolveRulePath(root, path)
  if (!target.ok) return [403, { ok: false, message: target.message, messageEn: target.messageEn }]
  const folder = await readRuleFolder(root)
  // The folder's own problems (a symbolic link leading outside, a loop, invalid UTF-8) block a save too.
  const others = folder.issues.filter((issue) => issue.file !== path)
  if (others.length > 0) {
    return [422, { ok: false, message: `规则目录有 ${others.length} 个问题，没有保存。`, messageEn: `the rules folder has ${others.length} problem(s); nothing was saved.`, issues: others }]
  }
  const files = folder.files.filter((f) => f.path !== path)
  files.push({ path, text })
  const result = parseRuleSet(files)
  if (!result.ok) {
    return [422, { ok: false, message: `整套规则检查未通过（${result.issues.length} 个错误），没有保存。`, messageEn: `the rule set does not load (${result.issues.length} errors); nothing was saved.`, issues: result.issues }]
  }
  const previous = await readFile(target.path, 'utf8').catch(() => undefined)
  if (previous === text) return [200, { ok: true, path, unchanged: true, backup: null }]
  // Write beside the target and rename over it: a crash leaves the old file or the new one, never half,
  // and a rename replaces a link at the destination instead of writing through it.
  const replace = async (destination: string, content: string) => {
    const temporary = join(dirname(destination), `.${basename(destination)}.${randomBytes(6).toString('hex')}.tmp`)
    await writeFile(temporary, content, { flag: 'wx' })
    try {
      await rename(temporary, destination)
    } catch (error) {
      await unlink(temporary).catch(() => undefined)
      throw error
    }
  }
  if (previous !== undefined) await replace(`${target.path}.bak`, previous)
  await replace(target.path, text)
  return [200, { ok: true, path, unchanged: false, backup: previous !== undefined ? `${path}.bak` : null, warnings: result.warnings }]
}
