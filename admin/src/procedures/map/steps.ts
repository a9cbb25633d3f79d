import { useTranslate } from 'react-admin';
import { apiFetch } from '../../dataProvider/http';
import { drawnOrder } from './StepDiagram';
import { keyOf } from '../../common/stepName';
export { useDuration } from '../../common/duration';

// A procedure type's map as the API gives it (the module's steps.ts), and its words in the
// console's language: a module names its steps in English under app.steps.<type> (German is the
// map's own label), edges under app.steps.<type>.edges by "from>to".

export type StepKind = 'task' | 'approval' | 'consultation' | 'wait' | 'deadline' | 'step' | 'end';

export interface MapEdge {
  from: string;
  to: string;
  label?: string;
}

export interface ProcedureType {
  id: string;
  label: string;
  steps: { nodes: { key: string; label: string; kind: StepKind }[]; edges: MapEdge[] };
}

export const START = 'start';

export async function fetchProcedureTypes(): Promise<ProcedureType[]> {
  return (await apiFetch('/api/procedure-types')).json as ProcedureType[];
}


export function useStepWords(type: string) {
  const translate = useTranslate();
  return {
    step: (node: { key: string; label: string }) => translate(`app.steps.${type}.${keyOf(node.key)}`, { _: node.label }),
    edge: (edge: MapEdge) => (edge.label ? translate(`app.steps.${type}.edges.${keyOf(`${edge.from}>${edge.to}`)}`, { _: edge.label }) : undefined),
    kind: (kind: StepKind) => translate(`app.step_kind.${kind}`),
  };
}

/** The steps in the order a person reads the procedure: as the map draws them, top to bottom, the ends last. */
export function readingOrder<N extends { key: string; label: string; kind: StepKind }>(nodes: N[], edges: MapEdge[]): N[] {
  const order = drawnOrder(nodes.map((n) => ({ key: n.key, label: n.label, isEnd: n.kind === 'end' })), edges);
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const sorted = order.map((k) => byKey.get(k)).filter((n): n is N => !!n);
  return [...sorted.filter((n) => n.kind !== 'end'), ...sorted.filter((n) => n.kind === 'end')];
}

