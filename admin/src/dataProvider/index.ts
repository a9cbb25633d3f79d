import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import { apiFetch } from './http';

function listUrl(resource: string, params: Partial<GetListParams>): string {
  const query = new URLSearchParams();
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  query.set('range', JSON.stringify([(page - 1) * perPage, page * perPage - 1]));
  if (params.sort?.field) query.set('sort', JSON.stringify([params.sort.field, params.sort.order]));
  query.set('filter', JSON.stringify(cleanFilter(params.filter ?? {})));
  return `/api/${resource}?${query.toString()}`;
}

/** Filter inputs left empty are no filter; the API refuses keys it does not know, so none slip in. */
function cleanFilter(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '' && v !== null && v !== undefined));
}

function totalOf(headers: Headers): number {
  const range = headers.get('content-range');
  const total = range ? Number(range.split('/').pop()) : NaN;
  if (Number.isNaN(total)) throw new Error('Die API hat keinen Content-Range-Header gesendet');
  return total;
}

/** What changed: the API's update bodies are strict and partial, so unchanged and read-only fields stay home. */
function changes(data: Record<string, unknown>, previous: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'id' || key === 'createdAt') continue;
    if (previous && JSON.stringify(previous[key]) === JSON.stringify(value)) continue;
    // An input the record never had (a new password), left empty: nothing to change.
    if (previous && previous[key] === undefined && (value === null || value === '')) continue;
    out[key] = value;
  }
  return out;
}

const path = (resource: string, id: Identifier) => `/api/${resource}/${encodeURIComponent(String(id))}`;

// The record a page load opens (#/<resource>/<id>/show), asked for as the script starts, beside the
// session check and the page's chunk; the first getOne of it takes that answer, once and while fresh.
let early: { url: string; at: number; answer: Promise<{ json: unknown }> } | undefined;

export function preloadRecord(resource: string, id: string): void {
  const url = path(resource, id);
  const answer = apiFetch(url);
  answer.catch(() => undefined);
  early = { url, at: Date.now(), answer };
}

function takeEarly(url: string): Promise<{ json: unknown }> | undefined {
  const found = early && early.url === url && Date.now() - early.at < 10_000 ? early.answer : undefined;
  early = undefined;
  return found;
}

/** react-admin's simple-REST conventions, as the API speaks them (sort/range/filter, Content-Range). */
export const dataProvider = {
  async getList(resource, params) {
    const { headers, json } = await apiFetch(listUrl(resource, params));
    return { data: json as RaRecord[], total: totalOf(headers) };
  },
  async getOne(resource, params) {
    const url = path(resource, params.id);
    const { json } = await (takeEarly(url) ?? apiFetch(url));
    return { data: json as RaRecord };
  },
  async getMany(resource, params) {
    const { json } = await apiFetch(
      listUrl(resource, { filter: { id: params.ids.map(String) }, pagination: { page: 1, perPage: Math.max(params.ids.length, 1) } }),
    );
    return { data: json as RaRecord[] };
  },
  async getManyReference(resource, params) {
    const { headers, json } = await apiFetch(
      listUrl(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }),
    );
    return { data: json as RaRecord[], total: totalOf(headers) };
  },
  async create(resource, params) {
    const { json } = await apiFetch(`/api/${resource}`, { method: 'POST', body: params.data });
    return { data: json as RaRecord };
  },
  async update(resource, params) {
    const { json } = await apiFetch(path(resource, params.id), {
      method: 'PUT',
      body: changes(params.data as Record<string, unknown>, params.previousData as Record<string, unknown>),
    });
    return { data: json as RaRecord };
  },
  async updateMany(resource, params) {
    await Promise.all(params.ids.map((id) => apiFetch(path(resource, id), { method: 'PUT', body: params.data })));
    return { data: params.ids };
  },
  async delete(resource, params) {
    const { json } = await apiFetch(path(resource, params.id), { method: 'DELETE' });
    return { data: json as RaRecord };
  },
  async deleteMany(resource, params) {
    await Promise.all(params.ids.map((id) => apiFetch(path(resource, id), { method: 'DELETE' })));
    return { data: params.ids };
  },
} as DataProvider;
