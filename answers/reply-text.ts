import { convert } from 'html-to-text';
import type { ParsedMail } from 'mailparser';

// email-reply-parser is an ES module; this CommonJS project can only reach it through import().
let parser: Promise<{ parseReply(text: string): string }> | undefined;

function replyParser() {
  parser ??= import('email-reply-parser').then(({ default: EmailReplyParser }) => new EmailReplyParser());
  return parser;
}

/**
 * The mail's text: its plain-text part, or for an HTML-only mail the HTML as text. Converted
 * here rather than by mailparser, whose conversion wraps at 80 columns and so breaks the long
 * "Am … schrieb … <adresse>:" line that tells the reply parser where the quote begins.
 * Quoted HTML (<blockquote>) becomes "> " lines, as in a plain-text reply.
 */
export function mailBodyText(parsed: Pick<ParsedMail, 'text' | 'html'>): string {
  if (parsed.text?.trim()) return parsed.text;
  if (!parsed.html) return '';
  return convert(parsed.html, {
    wordwrap: false,
    limits: { maxInputLength: 2_000_000, maxDepth: 100 },
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  });
}

/**
 * What the department wrote, without the quoted request ("> …" lines and the "Am … schrieb …:"
 * header above them) and without a signature after "-- ".
 */
export async function visibleReplyText(text: string): Promise<string> {
  const normalised = text.replace(/\r\n?/g, '\n');
  return (await replyParser())
    .parseReply(normalised)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
