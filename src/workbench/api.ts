/**
 * The page's calls to its server, each with the session token in a header. The token comes from the
 * address's fragment (`#token=…`), which the browser never sends to a server; it is kept in
 * sessionStorage so a reload works, and removed from the address bar.
 */
import type { Issue } from '../index.js'

const TOKEN_KEY = 'xiaobao-workbench-token'

export function sessionToken(): string | undefined {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token')
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash)
    history.replaceState(null, '', location.pathname)
    return fromHash
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined
}

export interface FolderListing {
  ok: true
  folder: string
  name: string
  files: { path: string; text: string; size?: number }[]
  schemas: Record<string, unknown>
}

export interface SaveResult {
  ok: boolean
  path?: string
  unchanged?: boolean
  backup?: string | null
  message?: string
  messageEn?: string
  issues?: Issue[]
}

export class Api {
  constructor(private readonly token: string) {}

  private async call(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), 'X-Xiaobao-Token': this.token }, cache: 'no-store' })
    let body: unknown
    try {
      body = await response.json()
    } catch {
      body = { ok: false, message: `服务器返回 ${response.status}`, messageEn: `the server answered ${response.status}` }
    }
    return { status: response.status, body }
  }

  async files(): Promise<FolderListing> {
    const { status, body } = await this.call('/api/files')
    if (status !== 200) throw new Error((body as { message?: string }).message ?? `HTTP ${status}`)
    return body as FolderListing
  }

  async save(path: string, text: string): Promise<SaveResult> {
    const { body } = await this.call('/api/file', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path, text }) })
    return body as SaveResult
  }
}
