import { ConfigError, loadConfig } from '../config/config';
import { StackError } from './errors';
import { resolveTemporalCli, TEMPORAL_CLI_VERSION } from './temporal-cli';

// `npm run temporal:cli`: find or build the Temporal CLI ahead of time (e.g. in CI) and print its
// path on stdout; progress goes to stderr so that `$(npm run -s temporal:cli)` gets just the path.
async function main(): Promise<number> {
  const config = loadConfig();
  const cli = await resolveTemporalCli({
    explicit: config.TEMPORAL_CLI,
    xdgCacheHome: config.XDG_CACHE_HOME,
    log: (msg) => console.error(msg),
  });
  if (!cli) {
    console.error(
      `No Temporal CLI: none on PATH or in the cache, and it could not be built with Go. Install Go ` +
        `(https://go.dev/dl/) to build ${TEMPORAL_CLI_VERSION} once, or set TEMPORAL_CLI to a temporal binary.`,
    );
    return 1;
  }
  console.error(`Temporal CLI (${cli.source}):`);
  console.log(cli.path);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof StackError || err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
