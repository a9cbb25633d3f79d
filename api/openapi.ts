import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Api } from './route';

export function openApiDocument(api: Api) {
  api.registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'amtsflow.sid' });
  const generator = new OpenApiGeneratorV31(api.registry.definitions);
  return generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Amtsflow API',
      version: '0.1.0',
      description:
        'Vorgänge, Aufgaben und Stammdaten des Amts für Integration. Listen folgen den simple-REST-Konventionen ' +
        'von react-admin (sort, range, filter als JSON; Content-Range im Antwortkopf).',
    },
    security: [{ session: [] }],
  });
}
