import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

// Compressed answers without a dependency (node:zlib): the API's JSON and the answer pages are
// compressed as they are sent (brotli or gzip, as the client asks); the console's files are
// compressed once at build time (admin/vite.config.ts writes a .br and a .gz beside each) and
// served as they are, with their own Content-Type.

const MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|javascript|xml|problem\+json)|text\/|image\/svg\+xml)/;

type Encoding = 'br' | 'gzip';

function accepted(req: Request): Encoding | undefined {
  const best = req.acceptsEncodings('br', 'gzip', 'identity');
  return best === 'br' || best === 'gzip' ? best : undefined;
}

/**
 * res.send compresses text bodies of 1 kB or more (JSON, HTML) for a client that accepts it.
 * Streams and files (PDFs, attachments) pass as they are.
 */
export function compressAnswers(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      // What express's send does for a string, done first: HTML unless typed, and its charset named
      // (a Buffer, as the compressed body goes on, would otherwise become application/octet-stream).
      if (typeof body === 'string') {
        if (!res.getHeader('Content-Type')) res.type('html');
        const declared = String(res.getHeader('Content-Type'));
        if (!/charset=/i.test(declared)) res.setHeader('Content-Type', `${declared}; charset=utf-8`);
      }
      const type = String(res.getHeader('Content-Type') ?? '');
      const bytes = typeof body === 'string' ? Buffer.from(body) : Buffer.isBuffer(body) ? body : undefined;
      if (!bytes || !COMPRESSIBLE.test(type) || res.getHeader('Content-Encoding')) return send(body);
      res.vary('Accept-Encoding');
      const encoding = accepted(req);
      if (!encoding || bytes.length < MIN_BYTES || req.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) return send(body);
      const done = (err: Error | null, packed: Buffer) => {
        if (err) return send(body);
        res.setHeader('Content-Encoding', encoding);
        // Sent as a Buffer, express keeps the Content-Type set before (and its charset).
        send(packed);
      };
      if (encoding === 'br') {
        // Quality 4: nearly gzip's speed at a smaller size; the API answers while it is asked.
        zlib.brotliCompress(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }, done);
      } else {
        zlib.gzip(bytes, { level: 6 }, done);
      }
      return res;
    };
    next();
  };
}

/** Hashed file names (vite's assets/name-<hash>.js) never change their content: cached for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Before express.static on the console's folder: a GET of a file with a precompressed sibling
 * (.br, .gz) that the client accepts is answered with that sibling, as its original type.
 */
export function precompressed(dist: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let rel: string;
    try {
      rel = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    if (rel.endsWith('/')) rel += 'index.html';
    if (rel.includes('\0') || rel.split('/').includes('..')) return next();
    const file = path.join(dist, rel);
    if (!file.startsWith(dist + path.sep) || !fs.existsSync(file)) return next();
    res.vary('Accept-Encoding');
    const encoding = accepted(req);
    if (!encoding) return next();
    const suffix = encoding === 'br' ? '.br' : '.gz';
    if (!fs.existsSync(file + suffix)) return next();
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', encoding);
    req.url = rel + suffix + (req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
    next();
  };
}

/** Cache-Control of the console's files: hashed assets immutable, index.html (and the rest) asked again each time. */
export function consoleCacheControl(res: Response, file: string): void {
  res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache');
}
