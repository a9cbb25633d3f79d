import nodemailer from 'nodemailer';

export type MailTransport = ReturnType<typeof createTransport>;

/**
 * An SMTP transport for a URL such as `smtp://user:pass@host:587`; query parameters set
 * nodemailer options (`?pool=false`, `?maxConnections=2`, `?tls.rejectUnauthorized=false`).
 *
 * Pooled by default: a connection per mail cost about 60 ms against the local catcher, a
 * reused one under 8 ms. Nodemailer's own timeouts wait minutes for a dead server; the
 * dispatcher would rather fail fast and retry with backoff.
 */
export function createTransport(smtpUrl: string) {
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    // The pool would silently resend a mail whose connection dropped mid-send; the outbox
    // owns retries, so its attempts and backoff stay true.
    maxRequeues: 0,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
}

/** For the health check: true if the server greets and accepts EHLO (and AUTH) in time. Never throws. */
export async function verifySmtp(transport: MailTransport, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const check = transport.verify().then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
