import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Role } from '../db/schema';
import { errorBodySchema, HttpError, zodFields } from './errors';
import type { SessionUser } from './session-user';

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
  /** A multipart/form-data upload the handler reads itself (multer): only documented here. */
  upload?: { field: string; description: string };
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** The response's media type in the OpenAPI document, for a route that sends a file itself. */
  responseType?: string;
  successStatus?: number;
  handler(ctx: HandlerContext<Infer<B>, Infer<Q>, Infer<P>>): Promise<unknown>;
}

const errorResponses = {
  400: 'Ungültige Eingabe (das Feld und der Grund stehen in error.fields)',
  401: 'Keine Sitzung',
  403: 'Nicht erlaubt',
  404: 'Unbekannt',
  409: 'Konflikt',
} as const;

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw HttpError.badRequest(`Ungültige Angaben in ${where}`, zodFields(parsed.error, where));
  }
  return parsed.data;
}

/**
 * One mechanism for every route: the zod schemas validate the request and are the OpenAPI
 * document; access is checked before the handler runs.
 */
export class Api {
  readonly router = express.Router();
  readonly registry = new OpenAPIRegistry();

  constructor(private readonly loadUser: (req: Request) => Promise<SessionUser | undefined>) {}

  route<B extends z.ZodType | undefined, Q extends z.ZodType | undefined, P extends z.ZodType | undefined>(
    spec: RouteSpec<B, Q, P>,
  ): void {
    this.registry.registerPath({
      method: spec.method,
      path: spec.path.replace(/:(\w+)/g, '{$1}'),
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.access === 'public' ? { security: [] } : {}),
      request: {
        ...(spec.params ? { params: spec.params as unknown as z.ZodObject } : {}),
        ...(spec.query ? { query: spec.query as unknown as z.ZodObject } : {}),
        ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
        ...(spec.upload
          ? {
              body: {
                content: {
                  'multipart/form-data': {
                    schema: z.object({
                      [spec.upload.field]: z.string().meta({ format: 'binary', description: spec.upload.description }),
                    }),
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
          Object.entries(errorResponses).map(([status, description]) => [
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
}

export const idParams = z.strictObject({ id: z.uuid('keine gültige ID') });
export const textIdParams = z.strictObject({ id: z.string().min(1).max(200) });
