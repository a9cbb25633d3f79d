import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Role } from '../db/schema';
import { installFormMessages } from '../forms/field';
import { errorBodySchema, HttpError, RETRY_AFTER_SECONDS, zodFields } from './errors';
import type { SessionUser } from './session-user';
import { unstorableText } from './storable-text';

// Validation messages people read: a German sentence about the field (forms/field.ts), never zod's
// "Ungültige Eingabe: erwartet string, erhalten undefined", which is for programmers.
installFormMessages();

const WHERE: Record<string, string> = {
  body: 'Bitte prüfen Sie die markierten Angaben',
  query: 'Ungültige Angaben in Filter, Sortierung oder Ausschnitt der Liste',
  params: 'Ungültige Adresse',
};

export type Access = 'public' | 'user' | readonly Role[];

export interface HandlerContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  user: SessionUser;
  req: Request;
  res: Response;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteSpec<
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  /**
   * A multipart/form-data upload the handler reads itself (api/uploads.ts): only documented here.
   * `maxFiles` above 1: the field may hold that many files, or none; `fields`: the form's text fields.
   */
  upload?: { field: string; description: string; maxFiles?: number; fields?: z.ZodObject };
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** The response's media type in the OpenAPI document, for a route that sends a file itself. */
  responseType?: string;
  successStatus?: number;
  /** Rules a schema cannot say (a date in the future, a record that must exist): in the document, answered with 400. */
  rules?: string[];
  /** Behind a rate limit (logins): 429 is documented. */
  rateLimited?: boolean;
  handler(ctx: HandlerContext<Infer<B>, Infer<Q>, Infer<P>>): Promise<unknown>;
}

const errorResponses = {
  400: 'Ungültige Eingabe (das Feld und der Grund stehen in error.fields)',
  401: 'Keine Sitzung',
  403: 'Nicht erlaubt',
  404: 'Unbekannt',
  409: 'Konflikt',
} as const;
const bodyTooLarge = { 413: 'Der Request-Body ist zu groß' } as const;
const tooManyRequests = { 429: 'Zu viele Anfragen; RateLimit-Policy und RateLimit im Antwortkopf sagen, wie lange zu warten ist' } as const;
const unavailable = {
  503: `Ein Teil des Systems (Datenbank oder Prozess-Engine) ist vorübergehend nicht erreichbar; error.message nennt ihn, Retry-After (${RETRY_AFTER_SECONDS} s) sagt, wann es sich lohnt, erneut zu fragen`,
} as const;

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw HttpError.badRequest(WHERE[where] ?? 'Ungültige Angaben', zodFields(parsed.error, where));
  }
  const unstorable = unstorableText(parsed.data, where);
  if (unstorable.length > 0) throw HttpError.badRequest(WHERE[where] ?? 'Ungültige Angaben', unstorable);
  return parsed.data;
}

function uploadSchema(upload: NonNullable<RouteSpec<undefined, undefined, undefined>['upload']>): z.ZodObject {
  const file = z.string().meta({ format: 'binary', description: upload.description });
  const files = (upload.maxFiles ?? 1) > 1 ? z.array(file).max(upload.maxFiles ?? 1).optional() : file;
  return z.object({ ...(upload.fields?.shape ?? {}), [upload.field]: files });
}

/** /api/tasks/:id/complete → a pattern that matches the path of a request for it. */
function pathPattern(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, '[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * One mechanism for every route: the zod schemas validate the request and are the OpenAPI
 * document; access is checked before the handler runs.
 */
export class Api {
  readonly router = express.Router();
  readonly registry = new OpenAPIRegistry();
  /** The methods of each path, for the 405 of a method the path does not have. */
  private readonly methods = new Map<string, { pattern: RegExp; methods: Set<string> }>();

  constructor(private readonly loadUser: (req: Request) => Promise<SessionUser | undefined>) {}

  route<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined>(
    spec: RouteSpec<B, Q, P>,
  ): void {
    const known = this.methods.get(spec.path) ?? { pattern: pathPattern(spec.path), methods: new Set<string>() };
    known.methods.add(spec.method.toUpperCase());
    if (spec.method === 'get') known.methods.add('HEAD');
    this.methods.set(spec.path, known);
    const hasBody = spec.body !== undefined || spec.upload !== undefined;
    this.registry.registerPath({
      method: spec.method,
      path: spec.path.replace(/:(\w+)/g, '{$1}'),
      summary: spec.summary,
      ...(spec.rules?.length ? { description: `Geschäftsregeln (bei Verstoß 400): ${spec.rules.join('; ')}.` } : {}),
      tags: [spec.tag],
      ...(spec.access === 'public' ? { security: [] } : {}),
      request: {
        ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
        ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
        ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
        ...(spec.upload
          ? {
              body: {
                required: true,
                content: {
                  'multipart/form-data': {
                    schema: uploadSchema(spec.upload),
                  },
                },
              },
            }
          : {}),
      },
      responses: {
        [spec.successStatus ?? 200]: {
          description: 'OK',
          ...(spec.response ? { content: { [spec.responseType ?? 'application/json']: { schema: spec.response } } } : {}),
        },
        ...Object.fromEntries(
          Object.entries({
            ...errorResponses,
            ...(hasBody ? bodyTooLarge : {}),
            ...(spec.rateLimited ? tooManyRequests : {}),
            ...unavailable,
          }).map(([status, description]) => [
            status,
            { description, content: { 'application/json': { schema: errorBodySchema } } },
          ]),
        ),
      },
    });

    this.router[spec.method](spec.path, async (req, res, next) => {
      try {
        const user = spec.access === 'public' ? undefined : await this.loadUser(req);
        if (spec.access !== 'public') {
          if (!user) throw HttpError.unauthorized();
          if (spec.access !== 'user' && !spec.access.some((role) => user.roles.includes(role))) {
            throw HttpError.forbidden(`Nur für die Rollen: ${spec.access.join(', ')}`);
          }
        }
        const params = spec.params ? parse(spec.params, req.params, 'params') : undefined;
        const query = spec.query ? parse(spec.query, req.query, 'query') : undefined;
        const body = spec.body ? parse(spec.body, req.body ?? {}, 'body') : undefined;
        const result = await spec.handler({
          body: body as Infer<B>,
          query: query as Infer<Q>,
          params: params as Infer<P>,
          user: user as SessionUser,
          req,
          res,
        });
        if (res.headersSent) return;
        // A handler may answer with another success status (200 for a replayed create) via res.locals.status.
        const status = (res.locals.status as number | undefined) ?? spec.successStatus;
        if (result === undefined) res.status(status ?? 204).end();
        else res.status(status ?? 200).json(result);
      } catch (err) {
        next(err);
      }
    });
  }

  /** 405 with Allow for a method a known path does not have (TRACE, PATCH …), instead of "no route". */
  methodNotAllowed(): express.RequestHandler {
    return (req, res, next) => {
      const allowed = new Set<string>();
      for (const { pattern, methods } of this.methods.values()) {
        if (pattern.test(req.path)) methods.forEach((m) => allowed.add(m));
      }
      if (allowed.size === 0 || allowed.has(req.method)) return next();
      const list = [...allowed, 'OPTIONS'].sort().join(', ');
      res.set('Allow', list);
      next(new HttpError(405, 'method_not_allowed', `Diese Adresse erlaubt ${req.method} nicht, nur ${list}`));
    };
  }
}

export const idParams = z.strictObject({ id: z.uuid('keine gültige ID') });
export const textIdParams = z.strictObject({ id: z.string().min(1).max(200) });
