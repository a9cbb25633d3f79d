import { ensureTemporalTestServer } from './temporal-test-server';

// `npm run temporal:test-server` (and a CI step): find or fetch the time-skipping test server
// ahead of the tests and print its path on stdout; progress goes to stderr.
ensureTemporalTestServer().then(
  (executable) => {
    process.stderr.write('[temporal-test-server] ready:\n');
    console.log(executable);
  },
  (err: unknown) => {
    console.error(`[temporal-test-server] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
