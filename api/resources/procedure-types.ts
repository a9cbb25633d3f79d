import { z } from 'zod';
import type { Api } from '../route';
import { procedureModules } from '../../workflows/registry';
import { publicMap, stepMapSchema } from './procedure-map';

const procedureTypeSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    /** The task form kinds the procedure's tasks use. */
    formKinds: z.array(z.string()),
    /** Its steps as a graph, to draw. */
    steps: stepMapSchema,
  })
  .meta({ id: 'ProcedureType' });

/** The procedure types as the registry lists them: what the console offers to start, and their names. */
export function procedureTypeRoutes(api: Api) {
  const types = procedureModules.map((m) => ({ id: m.type, label: m.label, formKinds: Object.keys(m.taskForms), steps: publicMap(m.steps) }));
  api.route({
    method: 'get',
    path: '/api/procedure-types',
    summary: 'Vorgangsarten',
    tag: 'procedures',
    access: 'user',
    response: z.array(procedureTypeSchema),
    async handler({ res }) {
      res.setHeader('Content-Range', `procedure-types 0-${types.length - 1}/${types.length}`);
      return types;
    },
  });
}
