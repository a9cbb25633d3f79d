import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
// A stopping server tells clients still connected to come back later after this grace period.
const CLOSE_GRACE_MS = 2_000;

export interface ReceivedMessage {
  /** The message; of an oversized one, its first maxBytes. */
  raw: Buffer;
  /** Bytes the client sent, including any past the limit. */
  size: number;
  oversized: boolean;
}

/** An Error smtp-server turns into that SMTP reply. */
export function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * Buffers the DATA stream up to maxBytes and drains the rest, so an oversized message cannot
 * exhaust memory; of an oversized message the beginning is kept, to see what it was.
 */
export function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<ReceivedMessage> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (kept < maxBytes) {
        const part = kept + chunk.length <= maxBytes ? chunk : chunk.subarray(0, maxBytes - kept);
        chunks.push(part);
        kept += part.length;
      }
    });
    stream.once('error', reject);
    stream.once('end', () => {
      const oversized = stream.sizeExceeded || size > maxBytes;
      resolve({ raw: Buffer.concat(chunks, kept), size, oversized });
    });
  });
}

export function envelopeOf(session: SMTPServerSession): { from: string | null; to: string[] } {
  const mailFrom = session.envelope.mailFrom;
  return {
    from: mailFrom ? mailFrom.address : null,
    to: session.envelope.rcptTo.map((r) => r.address),
  };
}

export interface RunningSmtpServer {
  port: number;
  /** The smtp-server itself (a test closes it under the supervisor with it). */
  server: SMTPServer;
  /** Resolves with how it ended: stopped, or closed or failed without stop() — then the stack's supervisor starts it again. */
  ended: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts an smtp-server for plain loopback use: no TLS, no login required. The caller's
 * options add the handlers. Resolves once listening; rejects if the port cannot be bound.
 */
export function listenSmtp(
  name: string,
  options: SMTPServerOptions,
  port: number,
  host: string,
  log: (msg: string) => void,
): Promise<RunningSmtpServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: CLOSE_GRACE_MS,
    ...options,
  });

  return new Promise((resolve, reject) => {
    let listening = false;
    let stopping: Promise<void> | undefined;
    let end: (how: string) => void = () => undefined;
    const ended = new Promise<string>((done) => {
      end = done;
    });
    // Client resets and protocol errors surface here; without a listener they would crash the process.
    server.on('error', (err: Error & { code?: string }) => {
      if (!listening) return;
      log(`[${name}] ${err.code ?? 'error'}: ${err.message}`);
    });
    // The listening socket itself failing is the end of this server: closed, so that it can be started anew.
    server.server.on('error', (err) => {
      if (!listening) return reject(err);
      log(`[${name}] the server failed: ${err.message}`);
      end(`failed: ${err.message}`);
      server.close(() => undefined);
    });
    server.server.once('close', () => end(stopping ? 'stopped' : 'closed without being stopped'));
    server.listen(port, host, () => {
      listening = true;
      const address = server.server.address() as AddressInfo;
      resolve({
        port: address.port,
        server,
        ended,
        stop() {
          stopping ??= new Promise<void>((done) => server.close(() => done()));
          return stopping;
        },
      });
    });
  });
}
