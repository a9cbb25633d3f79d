import { testStack } from './stack-env';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A person at the API: keeps the session cookie of their login, like a browser would. */
export class ApiClient {
  private cookie?: string;

  constructor(readonly baseUrl: string = testStack().url) {}

  static async as(email: string, password: string, baseUrl?: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const reply = await client.post('/api/auth/login', { email, password });
    if (reply.status !== 200) throw new Error(`login ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return client;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    // A form (file upload) goes as multipart/form-data; fetch sets its content type and boundary.
    const form = body instanceof FormData;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : form || typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** The session cookie ("amtsflow.sid=…") as a browser would send it, for a client of another kind. */
  sessionCookie(): string {
    if (!this.cookie) throw new Error('not logged in');
    return this.cookie;
  }

  /** The response as it is, for what is not JSON (a file download); with this person's session. */
  fetch(path: string): Promise<Response> {
    return fetch(this.baseUrl + path, { headers: this.cookie ? { cookie: this.cookie } : {} });
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }

  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }

  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

export function listQuery(filter: Record<string, unknown>, range: [number, number] = [0, 99], sort?: [string, string]): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify(range) });
  if (sort) params.set('sort', JSON.stringify(sort));
  return params.toString();
}

/** Polls until `check` returns a value (not undefined), or fails with what it last saw. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
