import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { testStack } from './support/stack-env';

// How the console and the API's answers travel: compressed as the browser asks (brotli or gzip),
// the console's hashed files cached for a year, index.html asked again each time; and the console
// split by page, so that the login page loads a small entry.

const DIST = path.join(__dirname, '..', 'admin', 'dist');

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as it comes over the wire: node's http, nothing decoded for us. */
function get(pathname: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(pathname, testStack().url), { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function decoded(r: Raw): Buffer {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(r.body);
  if (encoding === 'gzip') return zlib.gunzipSync(r.body);
  return r.body;
}

const indexHtml = () => fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const entryScript = () => {
  const src = /<script[^>]+src="\.?\/?(assets\/[^"]+\.js)"/.exec(indexHtml())?.[1];
  if (!src) throw new Error('index.html names no script under assets/');
  return src;
};

describe('the console as it is delivered', () => {
  it.each(['br', 'gzip'])('sends index.html at / compressed (%s) when asked, and has it asked again each time', async (encoding) => {
    const r = await get('/', `${encoding}, identity;q=0.5`);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers.vary).toMatch(/Accept-Encoding/i);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(decoded(r).toString('utf8')).toBe(indexHtml());
  });

  it('sends index.html as it is to a client that asks for no encoding', async () => {
    const r = await get('/index.html');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body.toString('utf8')).toBe(indexHtml());
  });

  it.each(['br', 'gzip'])('sends a hashed file under /assets/ compressed (%s), as JavaScript, cached as immutable', async (encoding) => {
    const file = entryScript();
    const r = await get(`/${file}`, encoding);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(fs.statSync(path.join(DIST, file)).size / 2);
    expect(decoded(r).equals(fs.readFileSync(path.join(DIST, file)))).toBe(true);
  });

  it('sends the same file as it is, still immutable, to a client that asks for no encoding', async () => {
    const file = entryScript();
    const r = await get(`/${file}`);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.body.equals(fs.readFileSync(path.join(DIST, file)))).toBe(true);
  });

  it('is split by page: the entry is a part of the console, the pages chunks of their own', () => {
    const assets = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    const total = assets.reduce((n, f) => n + fs.statSync(path.join(DIST, 'assets', f)).size, 0);
    const entry = fs.statSync(path.join(DIST, entryScript())).size;
    expect(assets.length).toBeGreaterThan(10);
    expect(entry).toBeLessThan(total * 0.75);
  });
});

describe("the API's answers", () => {
  it.each(['br', 'gzip'])('come compressed (%s) when asked: the OpenAPI document', async (encoding) => {
    const r = await get('/api/openapi.json', encoding);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe(encoding);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers.vary).toMatch(/Accept-Encoding/i);
    expect((JSON.parse(decoded(r).toString('utf8')) as { openapi: string }).openapi).toMatch(/^3\./);
  });

  it('come as they are to a client that asks for no encoding, and errors keep their shape compressed', async () => {
    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8'))).toHaveProperty('openapi');
    const refused = await get('/api/tasks', 'gzip');
    expect(refused.status).toBe(401);
    expect(JSON.parse(decoded(refused).toString('utf8'))).toHaveProperty('error.code');
  });
});
