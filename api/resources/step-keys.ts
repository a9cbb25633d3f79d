import { procedureModules } from '../../workflows/registry';
import { nodeFor } from '../../workflows/step-map';

const maps = new Map(procedureModules.map((m) => [m.type, m.steps]));

/**
 * The node of a procedure type's map that a recorded step stands for (a task's key, a wait's, an
 * event kind): the console names the step by it in its own language (app.steps.<type>.<key>). None
 * for a step the map does not know; the recorded German label stands then.
 */
export function stepNodeKey(type: string, recorded: string | null | undefined): string | null {
  if (!recorded) return null;
  const map = maps.get(type);
  return (map && nodeFor(map, recorded)?.key) ?? null;
}
