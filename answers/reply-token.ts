import { TOKEN_PATTERN } from './tokens';

function tokenIn(address: string, inboundDomain: string): string | undefined {
  const match = /^reply\+([^@]+)@(.+)$/i.exec(address.trim());
  if (!match || match[2]?.toLowerCase() !== inboundDomain.toLowerCase()) return undefined;
  const token = match[1] as string;
  return TOKEN_PATTERN.test(token) ? token : undefined;
}

/**
 * The tokens a reply is addressed to, most trustworthy first: the envelope recipients (what was
 * delivered to us), then the To and Cc headers. The token is case-sensitive base64url, and some
 * relays lower-case the envelope's local part; the headers, written by the department's mail
 * program, keep the original. The caller tries each candidate against the stored hashes, so a
 * lower-cased envelope token simply finds nothing and the header's spelling is tried next.
 */
export function replyTokenCandidates(envelopeTo: string[], headerAddresses: string[], inboundDomain: string): string[] {
  const tokens = [...envelopeTo, ...headerAddresses].map((a) => tokenIn(a, inboundDomain));
  return [...new Set(tokens.filter((t): t is string => t !== undefined))];
}
