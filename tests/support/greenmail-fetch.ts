import { ensureGreenMailJar } from './greenmail';

// CI step: fetch the IMAP test server before `npm test`, so the download shows as its own step.
ensureGreenMailJar().then(
  (jar) => console.log(`[greenmail] ready: ${jar}`),
  (err: unknown) => {
    console.error(`[greenmail] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
