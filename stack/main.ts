import { loadConfig } from '../config/config';
import { startEmbeddedStack } from './embedded';
import { runUntilSignal } from './shutdown';

// `npm start`: the whole system on one machine, until Ctrl-C.
void runUntilSignal('amtsflow', async (onStop, fail) => {
  const config = loadConfig();
  const stack = await startEmbeddedStack(config, onStop, (msg) => console.log(`[amtsflow] ${msg}`), fail);
  const { publicUrl } = stack;
  const lines = [
    '',
    `Amtsflow is running: ${publicUrl}`,
    `  API:        ${publicUrl}/api (OpenAPI: ${publicUrl}/api/openapi.json, health: ${publicUrl}/health)`,
    `  PostgreSQL: ${stack.databaseUrl.replace(/\/\/([^:]+):[^@]+@/, '//$1:***@')}`,
    `  Temporal:   ${stack.temporalAddress}${stack.temporalUi ? ` (Web UI ${stack.temporalUi})` : ''}`,
    `  Mail out:   ${stack.smtpUrl}${config.SMTP_URL ? '' : ' (catcher: admins see the mails under /api/mailbox)'}`,
    `  Mail in:    replies to reply+<token>@${config.INBOUND_DOMAIN} on SMTP port ${stack.inboundPort}`,
    `  Login:      ${config.ADMIN_EMAIL}${
      stack.generatedAdminPassword
        ? ` / ${stack.generatedAdminPassword}  (generated now, shown once — note it)`
        : ' (password as set at the first start)'
    }`,
    ...(config.DEMO_DATA
      ? // Their password is in the README: a log is no place for a password, not even a demo's.
        ['  Demo users: anna.schmidt@… (staff), carla.nowak@… (manager) @amtsflow.localhost (password: see README)']
      : []),
    'Press Ctrl-C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
});
