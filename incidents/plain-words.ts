// What a clerk or an administrator reads about a failure: the cause in words, not a stack trace.
// The technical message stays beside it for whoever fixes it.

const rules: [RegExp, string][] = [
  [/ECONNREFUSED|connect ECONNREFUSED|Connection refused/i, 'Der Dienst ist nicht erreichbar (Verbindung abgelehnt).'],
  [/ETIMEDOUT|timed? ?out|Timeout/i, 'Der Dienst antwortet nicht rechtzeitig.'],
  [/ENOTFOUND|getaddrinfo/i, 'Der Rechnername ist unbekannt.'],
  [/^5\d\d |\b5\d\d[ -]\d\.\d\.\d|Mailbox unavailable|relay/i, 'Der Mailserver lehnt die Mail ab.'],
  [/\b4\d\d[ -]\d\.\d\.\d|try again later/i, 'Der Mailserver nimmt gerade nichts an.'],
  [/HTTP 404/, 'Die Adresse gibt es nicht (404).'],
  [/HTTP 5\d\d/, 'Der Server an dieser Adresse meldet einen Fehler.'],
  [/not a (valid )?feed|Feed|parse/i, 'Der Inhalt ist kein lesbarer RSS- oder Atom-Feed.'],
  [/violates check constraint|violates foreign key|violates not-null/i, 'Die Datenbank lehnt die Änderung ab.'],
  [/ENOENT|no such file|Executable doesn't exist|Failed to launch/i, 'Ein benötigtes Programm oder eine Datei fehlt.'],
];

export function plainWords(error: string): string {
  for (const [pattern, words] of rules) if (pattern.test(error)) return words;
  return 'Ein unerwarteter Fehler ist aufgetreten.';
}
