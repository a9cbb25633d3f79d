import { Box, Button, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

// A mail is someone else's HTML: no script runs, nothing remote loads, nothing can navigate this page.
const HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

function sandboxed(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${HTML_POLICY}"><base target="_blank"></head><body>${html}</body></html>`;
}

export interface MailLink {
  kind: 'answer' | 'task';
  href: string;
}

/** The links a demo needs: a department's answer page, a colleague's task; nothing else becomes clickable. */
export function linksIn(text: string | null | undefined): MailLink[] {
  const found = new Map<string, MailLink>();
  for (const match of (text ?? '').matchAll(/https?:\/\/[^\s<>"')]+/g)) {
    let url: URL;
    try {
      url = new URL(match[0]);
    } catch {
      continue;
    }
    if (/^\/answer\/[A-Za-z0-9_-]+$/.test(url.pathname)) found.set(url.href, { kind: 'answer', href: url.href });
    else if (/^#\/tasks\/[0-9a-f-]+\/show$/.test(url.hash)) {
      // A console link opens here, in the signed-in console, whatever host the mail was written for.
      found.set(url.hash, { kind: 'task', href: url.hash });
    }
  }
  return [...found.values()];
}

export function MailBody({ text, html }: { text: string | null; html: string | null }) {
  const translate = useTranslate();
  const links = linksIn(text);
  return (
    <Stack spacing={2}>
      {links.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {links.map((l) =>
            l.kind === 'answer' ? (
              <Button key={l.href} variant="contained" href={l.href} target="_blank" rel="noopener noreferrer" data-testid="answer-link">
                {translate('app.mailbox.open_answer_page')}
              </Button>
            ) : (
              <Button key={l.href} variant="outlined" href={l.href}>
                {translate('app.mailbox.open_task')}
              </Button>
            ),
          )}
        </Stack>
      )}
      <Box component="pre" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit', m: 0 }} data-testid="mail-text">
        {text ?? ''}
      </Box>
      {html && (
        <>
          <Typography variant="subtitle2" component="h2">
            {translate('app.mailbox.html_version')}
          </Typography>
          <iframe
            title={translate('app.mailbox.html_version')}
            sandbox=""
            srcDoc={sandboxed(html)}
            referrerPolicy="no-referrer"
            style={{ width: '100%', minHeight: 320, border: '1px solid #ccc' }}
          />
        </>
      )}
    </Stack>
  );
}
