import { useTranslate } from 'react-admin';
import { stepKeyOf } from '../../../workflows/step-map';

/** Keys a polyglot catalogue can hold: no dots. */
export const keyOf = (s: string) => s.replace(/\./g, '_');

/**
 * A recorded step in the console's language: the module's word for its map step (app.steps.<type>),
 * else the label the workflow recorded (German, and with its particulars: "Runde 2", "2 von 3").
 * Apart from the map's code, so that lists and forms name steps without loading the diagram.
 */
export function useStepName() {
  const translate = useTranslate();
  return (type: string, key: string | null | undefined, recorded: string) => (key ? translate(`app.steps.${type}.${keyOf(key)}`, { _: recorded }) : recorded);
}

/** A task's title in the console's language: its map step ("freigabe-2" is the step "freigabe"), else as recorded. */
export function useTaskTitle() {
  const stepName = useStepName();
  return (task: { procedureType: string; taskKey: string; title: string }) => stepName(task.procedureType, stepKeyOf(task.taskKey), task.title);
}
