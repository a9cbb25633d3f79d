import path from 'node:path';
import fs from 'node:fs';
import type { Client } from '@temporalio/client';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { answerErrorPage, answerPageRoutes } from '../answers/page-routes';
import type { CommandDelivery } from '../commands/dispatcher';
import type { EngineSettings } from '../config/engine';
import type { SignInSettings } from '../config/sign-in';
import type { Db } from '../db/client';
import type { ProcedureStarter } from '../workflows/module';
import { allModules } from '../workflows/registry';
import { authRoutes, sessionMiddleware } from './auth';
import { compressAnswers, consoleCacheControl, precompressed } from './compression';
import { errorHandler, notFoundHandler } from './errors';
import { healthRoute } from './health';
import { openApiDocument } from './openapi';
import { answerAttachmentRoutes } from './resources/answer-attachments';
import { noteRoutes } from './resources/notes';
import { auditRoutes } from './resources/audit';
import { consultationRequestRoutes } from './resources/consultation-requests';
import { dashboardRoutes } from './resources/dashboard';
import { departmentRoutes } from './resources/departments';
import { inboundMailRoutes } from './resources/inbound-mails';
import { knowledgeRoutes } from './resources/knowledge';
import { mailRoutes } from './resources/mails';
import { procedureRoutes } from './resources/procedures';
import { incidentRoutes } from './resources/incidents';
import { procedureMapRoutes } from './resources/procedure-map';
import { procedureTypeRoutes } from './resources/procedure-types';
import { requestListRoutes } from './resources/request-list';
import { taskRoutes } from './resources/tasks';
import { userRoutes } from './resources/users';
import { scheduleRoutes } from './resources/schedules';
import { Api } from './route';
import { unavailableErrors } from './unavailable';
import type { SystemSchedule } from '../schedules/system-schedules';
import { allowedOrigins, limiter, sameOriginWrites } from './security';
import { sessionUserLoader } from './session-user';

export interface AppDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  engine: EngineSettings;
  schedules: SystemSchedule[];
  starter: ProcedureStarter;
  commands: CommandDelivery;
  tokenSecret: string;
  publicUrl: string;
  sessionSecret: string;
  loginRateLimit: number;
  publicRateLimit: number;
  mailReachable: () => Promise<boolean>;
  completionCatchUpMs: number;
  /** How long an accepted completion waits for the workflow's answer (COMPLETION_ANSWER_MS). */
  completionAnswerMs?: number;
  /** The embedded stack has a mail catcher whose inbox the console shows. */
  withMailbox: boolean;
  signIn: SignInSettings;
  log: (msg: string) => void;
}

const adminDist = path.join(__dirname, '..', 'admin', 'dist');

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Until the start paths pass them in, the sign-in settings come from the same typed config.
  const { signIn } = deps;
  // X-Forwarded-For names the client only when a proxy of ours wrote it (TRUST_PROXY); else the socket does.
  app.set('trust proxy', signIn.trustProxy);
  const https = deps.publicUrl.startsWith('https:');
  // On plain-HTTP installations (an office LAN, the embedded demo) HSTS and upgrade-insecure-requests would lock the console out.
  app.use(
    helmet({
      hsts: https,
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } },
    }),
  );
  healthRoute(app, deps);
  // JSON and the answer pages compressed (brotli or gzip) as they are sent; the console's files come precompressed.
  app.use(compressAnswers());

  app.use('/api', express.json({ limit: '1mb' }));
  app.use('/api', sameOriginWrites(allowedOrigins(deps.publicUrl)));
  app.use('/answer', limiter(deps.publicRateLimit, 'Zu viele Anfragen. Bitte warten Sie eine Minute.'));
  // Before the session: departments have no login, and their pages need no cookie.
  app.use('/answer', answerPageRoutes(deps), unavailableErrors(deps.log), answerErrorPage(deps.log));
  for (const pages of allModules.flatMap((m) => m.publicPages ?? [])) {
    app.use(pages.path, limiter(deps.publicRateLimit, 'Zu viele Anfragen. Bitte warten Sie eine Minute.'), pages.router({ db: deps.db, starter: deps.starter }), unavailableErrors(deps.log), answerErrorPage(deps.log));
  }
  app.use(sessionMiddleware(deps.db, deps.sessionSecret, deps.publicUrl.startsWith('https:')));

  const api = new Api(sessionUserLoader(deps.db));
  authRoutes(api, deps.db, { loginRateLimit: deps.loginRateLimit, signIn });
  taskRoutes(api, deps);
  procedureRoutes(api, deps);
  procedureTypeRoutes(api);
  procedureMapRoutes(api, deps.db);
  incidentRoutes(api, deps);
  departmentRoutes(api, deps.db);
  for (const module of allModules) {
    module.routes?.(api, { db: deps.db, temporal: deps.temporal, starter: deps.starter, settings: deps.engine.settingsOf(module.type) as never });
  }
  scheduleRoutes(api, deps);
  userRoutes(api, deps.db);
  knowledgeRoutes(api, deps.db);
  mailRoutes(api, deps.db, deps.withMailbox);
  auditRoutes(api, deps.db);
  inboundMailRoutes(api, deps.db);
  consultationRequestRoutes(api, deps.db);
  requestListRoutes(api, deps.db);
  answerAttachmentRoutes(api, deps.db);
  noteRoutes(api, deps.db);
  dashboardRoutes(api, deps.db);
  const document = openApiDocument(api);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  app.use(api.router);
  app.use(api.methodNotAllowed());

  // The console (built by `npm start` or `npm run build:admin`); its routes live after the '#'.
  // Its hashed files under /assets/ are cached for a year, index.html is asked again each time.
  app.use(precompressed(adminDist));
  app.use(express.static(adminDist, { index: 'index.html', setHeaders: consoleCacheControl }));
  app.get('/', (_req, res, next) => {
    if (fs.existsSync(path.join(adminDist, 'index.html'))) return next();
    res.status(503).type('text/plain; charset=utf-8').send('Die Konsole ist noch nicht gebaut: npm run build:admin\n');
  });
  app.use(notFoundHandler);
  app.use(unavailableErrors(deps.log));
  app.use(errorHandler(deps.log));
  return app;
}
