// Serves the browser build (dist/h5) beside the API: pre-compressed assets, long caching for hashed
// files, the app shell for deep links, and security headers that fit plain-http office addresses.
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';

// Files whose names carry a content hash (js/app.1a2b3c4d.js) never change: cache them for a year.
const HASHED = /\.[0-9a-f]{8,}\.(?:js|css|png|jpe?g|gif|svg|webp|woff2?|ttf)$/;
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.map']);

/** The encodings of a request's Accept-Encoding that we have files for, best first. */
export function acceptedEncodings(header: string | undefined): ('br' | 'gzip')[] {
  // encoding → its q value; an explicit entry beats the `*` wildcard
  const q = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    const qParam = params.find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const accepts = (name: string): boolean => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).filter(accepts);
}

/**
 * Content-Security-Policy and friends. `upgrade-insecure-requests` only when the request really came over
 * https (directly, or through a proxy trusted by Express's `trust proxy`): on a plain-http office address
 * it would send the browser to https for every script and leave a blank page.
 */
export function securityHeaders(): RequestHandler {
  const make = (upgrade: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          upgradeInsecureRequests: upgrade ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      // browsers ignore these on an untrustworthy (plain-http, non-localhost) origin and log an error for it
      crossOriginOpenerPolicy: upgrade,
      originAgentCluster: upgrade,
      // HSTS stays on: browsers ignore it over plain http, and behind a TLS proxy it protects the next visit
    });
  const secure = make(true);
  const plain = make(false);
  return (req, res, next) => (req.secure ? secure : plain)(req, res, next);
}

/** Sends `file.br` / `file.gz` (written at build time) instead of `file` when the browser takes it. */
function precompressed(root: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let rel: string;
    try {
      rel = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const ext = extname(rel);
    if (!COMPRESSIBLE.has(ext)) return next();
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return next();
    for (const enc of acceptedEncodings(req.headers['accept-encoding'])) {
      const candidate = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
      if (!existsSync(candidate) || !statSync(candidate).isFile()) continue;
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Content-Encoding', enc);
      res.type(ext);
      res.setHeader('Cache-Control', cacheControl(rel));
      // send() keeps the Content-Type set above instead of guessing one from .br/.gz
      res.sendFile(candidate, { cacheControl: false });
      return;
    }
    res.setHeader('Vary', 'Accept-Encoding');
    next();
  };
}

function cacheControl(path: string): string {
  return HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Mounts the browser build at `/`, or a plain notice when it has not been built yet. */
export function serveH5(app: { use: (...handlers: RequestHandler[]) => unknown }, dir: string): void {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
      res.status(503).type('text/plain; charset=utf-8').send('浏览器端尚未构建：请运行 npm run build:h5 后重启。');
    });
    return;
  }
  // API calls never touch the disk: without this, express.static stats a file for every API request.
  const notApi =
    (h: RequestHandler): RequestHandler =>
    (req, res, next) =>
      req.path.startsWith('/api/') || req.path === '/api' ? next() : h(req, res, next);
  app.use(notApi(precompressed(root)));
  app.use(
    notApi(
      express.static(root, {
        index: false,
        cacheControl: false,
        setHeaders: (res, path) => res.setHeader('Cache-Control', cacheControl(path)),
      }),
    ),
  );
  // Deep links of the browser build (e.g. an invitation's join page) all load the app shell.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
