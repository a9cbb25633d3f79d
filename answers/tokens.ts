import { createHash, createHmac } from 'node:crypto';

/**
 * A department's answer token: HMAC(secret, request id), 256 bits, base64url. Derived, so the
 * database keeps only its hash and a retried activity makes the same one; the outbox keeps a
 * placeholder that the dispatcher fills at the moment of sending.
 */
export function answerToken(secret: string, requestId: string): string {
  return createHmac('sha256', secret).update(`answer-token:${requestId}`).digest('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Only the shape a real token has; anything else is refused before a database look-up. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const PLACEHOLDER = /\[\[antwort-token:([0-9a-f-]{36})\]\]/g;

export function tokenPlaceholder(requestId: string): string {
  return `[[antwort-token:${requestId}]]`;
}

export function fillTokens(text: string, secret: string): string {
  return text.replace(PLACEHOLDER, (_m, requestId: string) => answerToken(secret, requestId));
}
