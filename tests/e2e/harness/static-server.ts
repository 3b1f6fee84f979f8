import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
}

/** Resolves a URL path inside a folder; null when it would leave it. */
export function fileInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = normalize(join(root, decoded))
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : null
}

/** What the server does with `/asset/...` requests: the app's own asset resolver decides. */
export type AssetResolver = (
  pathname: string,
) => Promise<{ kind: 'file'; absPath: string; mime: string } | { kind: 'refused'; status: number }>

/**
 * The bridge's big texts, both ways, with the launch's token: a POST to `path` uploads one
 * (`receive` keeps it), a GET of `path?id=…` downloads one an answer left there (`send` gives it
 * once). Both travel as JSON, so a lone surrogate arrives as it is.
 */
export interface TextTransfers {
  path: string
  token: string
  /** Keeps an uploaded text; returns its id. */
  receive(text: string): string
  /** The text an answer left under this id, once; undefined when there is none. */
  send(id: string): string | undefined
}

/**
 * Serves the built renderer on 127.0.0.1 and the open repository's files under `/asset/`, with the
 * same CSP header Electron sends, so the page runs as it does in the app; and carries the bridge's
 * big texts.
 */
export async function startStaticServer(
  rendererDir: string,
  resolveAsset: AssetResolver,
  csp: string,
  texts?: TextTransfers,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (texts && url.pathname === texts.path) {
        if (req.headers['x-portal-bridge'] !== texts.token) {
          res.writeHead(403).end()
          return
        }
        if (req.method === 'GET') {
          const text = texts.send(url.searchParams.get('id') ?? '')
          if (text === undefined) res.writeHead(404).end()
          else
            res
              .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
              .end(JSON.stringify(text))
          return
        }
        if (req.method !== 'POST') {
          res.writeHead(405).end()
          return
        }
        const chunks: Buffer[] = []
        for await (const chunk of req) chunks.push(chunk as Buffer)
        const text: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        if (typeof text !== 'string') {
          res.writeHead(400).end()
          return
        }
        const id = texts.receive(text)
        res.writeHead(200, { 'content-type': 'text/plain' }).end(id)
        return
      }
      if (url.pathname.startsWith('/asset/')) {
        const r = await resolveAsset(url.pathname.slice('/asset/'.length))
        if (r.kind !== 'file') {
          res.writeHead(r.status).end()
          return
        }
        res.writeHead(200, { 'content-type': r.mime, 'cache-control': 'no-cache' })
        createReadStream(r.absPath).pipe(res)
        return
      }
      const path = fileInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname)
      const info = path ? await stat(path).catch(() => null) : null
      if (!path || !info?.isFile()) {
        res.writeHead(404).end()
        return
      }
      const headers: Record<string, string> = {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      }
      if (path.endsWith('.html')) headers['content-security-policy'] = csp
      res.writeHead(200, headers)
      createReadStream(path).pipe(res)
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, origin: `http://127.0.0.1:${port}` }
}
