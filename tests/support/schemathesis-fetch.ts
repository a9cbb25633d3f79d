import { ensureSchemathesis } from './schemathesis';

// CI step: install the API fuzzer before `npm test`, so the download shows as its own step.
ensureSchemathesis().then(
  (bin) => console.log(`[schemathesis] ready: ${bin}`),
  (err: unknown) => {
    console.error(`[schemathesis] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
