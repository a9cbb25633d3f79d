import nodemailer from 'nodemailer';

export type MailTransport = ReturnType<typeof createTransport>;

/**
 * An SMTP transport for a URL such as `smtp://user:pass@host:587` or
 * `smtp://127.0.0.1:2525?pool=true`. Nodemailer's defaults wait minutes for a dead
 * server; a dispatcher would rather fail fast and retry with backoff.
 */
export function createTransport(smtpUrl: string) {
  return nodemailer.createTransport({
    url: smtpUrl,
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
