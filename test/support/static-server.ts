/** A static file server on 127.0.0.1 for the test pages. */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface ServeOptions {
  /** Extra response headers for a path (a `Content-Security-Policy` that turns page scripts off, for one). */
  readonly headers?: (path: string) => Readonly<Record<string, string>>;
  /** A file's content type, when it should not follow its extension; `undefined` keeps the default. */
  readonly contentType?: (file: string, body: Buffer) => string | undefined;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves the files below `rootDir` on 127.0.0.1, on a free port, never cached (each test sees the
 * fixture as it is on disk). `/dir/` serves `dir/index.html`; nothing outside `rootDir` is served.
 * `options` add headers and choose content types (the evaluation serves real pages under a policy).
 */
export async function serveStatic(rootDir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = resolve(rootDir);
  const server = createServer((request, response) => {
    let path = '/';
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, { ...options.headers?.(path), 'content-type': type, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed');
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'bad path');
    }
    const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(base + sep)) return send(403, 'forbidden');
    readFile(file).then(
      (body) =>
        send(
          200,
          body,
          options.contentType?.(file, body) ?? CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        ),
      () => send(404, 'not found'),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The test server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
