import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { NameForms } from '../../grammar/german';
import { ApiClient, eventually, listQuery } from './client';
import { testStack } from './stack-env';

// What a department sees and does in a consultation: its mails, the answer page, its replies.

export const INBOUND_DOMAIN = 'antwort.amtsflow.localhost';

/** As the API lists it: with the forms of its name that the texts use. */
export interface Department extends NameForms {
  id: string;
  code: string;
  contactEmail: string;
  headEmail: string;
}

export interface CaughtMail {
  envelopeTo: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string | string[]>;
}

export interface Outcome {
  departmentId: string;
  departmentName: string;
  status: string;
  channel: string | null;
  answerText: string | null;
  answerData: unknown;
  attachments: { filename: string; contentType: string; size: number }[];
}

let adminClient: ApiClient | undefined;
export async function admin(): Promise<ApiClient> {
  adminClient ??= await ApiClient.as(testStack().adminEmail, testStack().adminPassword);
  return adminClient;
}

export async function departments(client: ApiClient): Promise<Department[]> {
  return (await client.get(`/api/departments?${listQuery({}, [0, 99], ['code', 'ASC'])}`)).body as Department[];
}

export function departmentByCode(depts: Department[], code: string): Department {
  const found = depts.find((d) => d.code === code);
  if (!found) throw new Error(`no department ${code}`);
  return found;
}

export async function startConsultation(client: ApiClient, input: Record<string, unknown>): Promise<string> {
  const reply = await client.post('/api/procedures', { type: 'department-consultation', input });
  if (reply.status !== 201) throw new Error(`start failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id as string;
}

/** The mails in the catcher's mailbox whose subject or text has `marker`, newest first. */
export async function mailsAbout(marker: string): Promise<CaughtMail[]> {
  return (await (await admin()).get(`/api/mailbox?${listQuery({ q: marker }, [0, 199])}`)).body as CaughtMail[];
}

/** The automatic answers about `marker` in the catcher, once there is at least one. */
export async function autoRepliesAbout(marker: string): Promise<CaughtMail[]> {
  return eventually(async () => {
    const found = (await mailsAbout(marker)).filter((m) => m.subject.startsWith('Automatische Antwort'));
    return found.length ? found : undefined;
  }, 20_000, `the automatic answer about ${marker}`);
}

/** A consultation to one department, open for the usual ten business days, and its request mail. */
export async function openRequestTo(client: ApiClient, dept: Department, marker: string, extra: Record<string, unknown> = {}) {
  const id = await startConsultation(client, { subject: `Anfrage ${marker}`, question: 'Welche Angebote gibt es in Ihrer Dienststelle?', departmentIds: [dept.id], ...extra });
  const mail = (await requestMails(marker, [dept])).get(dept.id) as CaughtMail;
  return { id, dept, mail, token: linkToken(mail) };
}

/** Each department's request mail, as it arrived in the department's mailbox. */
export async function requestMails(marker: string, depts: Department[]): Promise<Map<string, CaughtMail>> {
  return eventually(async () => {
    const mails = (await mailsAbout(marker)).filter((m) => m.subject.startsWith('Anfrage des Amts für Integration:'));
    const byDept = new Map(depts.map((d) => [d.id, mails.find((m) => m.envelopeTo.includes(d.contactEmail))]));
    return [...byDept.values()].every(Boolean) ? (byDept as Map<string, CaughtMail>) : undefined;
  }, 20_000, `the request mails about ${marker}`);
}

/** The token as the department has it: in the link of its mail. */
export function linkToken(mail: CaughtMail): string {
  const match = /\/answer\/([A-Za-z0-9_-]{43})\b/.exec(mail.text);
  if (!match) throw new Error(`no answer link in: ${mail.text}`);
  return match[1] as string;
}

export function replyAddress(mail: CaughtMail): string {
  const header = mail.headers['reply-to'];
  const match = /reply\+[A-Za-z0-9_-]+@[A-Za-z0-9.-]+/.exec(Array.isArray(header) ? header.join(' ') : (header ?? ''));
  if (!match) throw new Error(`no Reply-To in ${JSON.stringify(mail.headers)}`);
  return match[0];
}

/** A department's reply to its request mail, addressed to the mail's Reply-To. */
export function replyFrom(sender: string, mail: CaughtMail, text: string, extra: Record<string, unknown> = {}) {
  const to = replyAddress(mail);
  return { envelope: { from: sender, to: [to] }, from: sender, to, subject: `Re: ${mail.subject}`, text, ...extra };
}

/** The original as a mail program quotes it below a reply. */
export function quoted(mail: CaughtMail): string {
  return `Am 12.03.2026 um 10:15 schrieb Amt für Integration <integration@amtsflow.localhost>:\n${mail.text
    .trim()
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n')}\n`;
}

/** Sends over SMTP to the project's inbound listener, as a department's mail server would. */
export async function sendToInbound(mail: Mail.Options): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: testStack().inboundPort, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

export interface InboundMail {
  id: string;
  messageId: string | null;
  envelopeFrom: string | null;
  subject: string | null;
  status: 'received' | 'accepted' | 'rejected';
  reason: string | null;
  receivedVia: 'smtp' | 'imap';
  size: number | null;
  truncated: boolean;
}

/** The inbound mails from `sender` once all of them have been handled (none left 'received'). */
export async function handledMailsFrom(sender: string, count: number): Promise<InboundMail[]> {
  return eventually(async () => {
    const rows = (await (await admin()).get(`/api/inbound-mails?${listQuery({ envelopeFrom: sender })}`)).body as InboundMail[];
    return rows.length >= count && rows.every((r) => r.status !== 'received') ? rows : undefined;
  }, 20_000, `${count} handled inbound mail(s) from ${sender}`);
}

export async function consolidationTask(client: ApiClient, procedureId: string, timeoutMs = 30_000) {
  const listed = await eventually(async () => {
    const tasks = (await client.get(`/api/tasks?${listQuery({ procedureId })}`)).body as { id: string; formKind: string }[];
    return tasks.find((t) => t.formKind === 'antworten-zusammenfuehren');
  }, timeoutMs, `the consolidation task of ${procedureId}`);
  const task = (await client.get(`/api/tasks/${listed.id}`)).body as { id: string; title: string; context: { outcomes: Outcome[] } };
  return task;
}

export type HistoryEntry = { kind: string; label: string; source: string; detail: any };

export async function history(client: ApiClient, procedureId: string): Promise<HistoryEntry[]> {
  return (await client.get(`/api/procedures/${procedureId}/history`)).body as HistoryEntry[];
}

export interface PageReply {
  status: number;
  contentType: string;
  html: string;
}

export async function getPage(token: string, base = testStack().url): Promise<PageReply> {
  const res = await fetch(`${base}/answer/${token}`);
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', html: await res.text() };
}

export interface UploadFile {
  name: string;
  type: string;
  content: Buffer | string;
}

/** Submits the answer form as a browser does (multipart/form-data). */
export async function submitAnswer(token: string, fields: Record<string, string>, files: UploadFile[] = [], base = testStack().url): Promise<PageReply> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('anhaenge', new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], { type: f.type }), f.name);
  const res = await fetch(`${base}/answer/${token}`, { method: 'POST', body: form });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', html: await res.text() };
}

export async function postRaw(token: string, body: string, contentType: string): Promise<PageReply> {
  const res = await fetch(`${testStack().url}/answer/${token}`, { method: 'POST', body, headers: { 'content-type': contentType } });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', html: await res.text() };
}

// Small readers for the server-rendered pages; enough for pages whose markup we write ourselves.

/** The opening tag of the element with this id. */
export function tagWithId(html: string, id: string): string | undefined {
  return new RegExp(`<[a-z][a-z0-9]*\\b[^>]*\\sid="${id}"[^>]*>`, 'i').exec(html)?.[0];
}

export function attribute(tag: string | undefined, name: string): string | undefined {
  return tag ? new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] : undefined;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text inside the element with this id, tags removed, entities decoded. */
export function textOf(html: string, id: string): string | undefined {
  const match = new RegExp(`<([a-z][a-z0-9]*)\\b[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</\\1>`, 'i').exec(html);
  return match ? decode((match[2] as string).replace(/<[^>]+>/g, '')).trim() : undefined;
}

export function heading(html: string): string | undefined {
  const match = /<h1>([\s\S]*?)<\/h1>/.exec(html);
  return match ? decode(match[1] as string) : undefined;
}
