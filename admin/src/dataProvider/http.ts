import { HttpError } from 'react-admin';

/** The API's one error shape: `{error: {code, message, fields?: [{path, message}]}}`. */
export interface ApiErrorBody {
  error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
}

/**
 * API field paths name where the value was read ("body.email", "data.result", "input.departmentIds.0");
 * the form knows the field without that first segment.
 */
export function fieldErrors(body: ApiErrorBody | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of body?.error?.fields ?? []) {
    const [, ...rest] = f.path.split('.');
    const name = rest.length > 0 ? rest.join('.') : f.path;
    errors[name] ??= f.message;
  }
  return errors;
}

const statusMessages: Record<number, string> = {
  429: 'Zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  502: 'Der Server ist gerade nicht erreichbar.',
  503: 'Ein Teil des Systems ist gerade nicht erreichbar; bitte später erneut versuchen.',
};

/**
 * fetch for the console: same-origin cookie session, JSON both ways, and every error as an
 * HttpError whose body carries react-admin's `errors` (field → message) so forms show them
 * next to the fields.
 */
export async function apiFetch(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const body = json as ApiErrorBody | undefined;
    const message = body?.error?.message ?? statusMessages[res.status] ?? `Fehler ${res.status}`;
    throw new HttpError(message, res.status, { ...body, errors: fieldErrors(body) });
  }
  return { status: res.status, headers: res.headers, json };
}

/** A failed submit's field errors for react-admin's form (field → message), if the API named fields. */
export function submissionErrors(err: unknown): Record<string, string> | undefined {
  const errors = err instanceof HttpError ? (err.body as { errors?: Record<string, string> } | undefined)?.errors : undefined;
  return errors && Object.keys(errors).length > 0 ? errors : undefined;
}
