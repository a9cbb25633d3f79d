import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { Form, Toolbar, useNotify, useRedirect } from 'react-admin';
import { randomKey, schemaResolver } from '../common/schemaResolver';
import { SubmitButton } from '../common/SubmitButton';
import { useStepName } from '../common/stepName';
import { submissionErrors } from '../dataProvider/http';
import { taskFormFor } from '../modules';
import { submitOnCtrlEnter } from './NextTask';
import { taskApi, type Task } from './taskApi';

/**
 * The task's form, checked in the browser with the API's own schema; on success the person
 * goes straight to their next task in this procedure, or back to the inbox.
 */
export function TaskForm({ task }: { task: Task }) {
  const notify = useNotify();
  const stepName = useStepName();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const found = taskFormFor(task.formKind);
  // Every kind a module's workflow opens has its form (a type error otherwise); none here means an old console.
  if (!found) throw new Error(`Für die Aufgabenart ${task.formKind} fehlt das Formular`);
  const { definition, schema } = found;
  const resolver = useMemo(() => schemaResolver(schema, definition.prepare), [schema, definition]);
  // One key per task page: a second click or a retry is the same completion to the API.
  const idempotencyKey = useMemo(() => randomKey(), [task.id]);
  const sent = useRef(false);

  async function submit(values: Record<string, unknown>) {
    if (sent.current) return undefined;
    sent.current = true;
    try {
      const result = await taskApi.complete(task.id, values, idempotencyKey);
      await queryClient.invalidateQueries({ queryKey: ['task-count'] });
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      if (result.procedure.finished) notify('app.task.done_finished', { type: 'success' });
      else notify('app.task.done_next_step', { type: 'success', messageArgs: { step: result.procedure.currentStep ? stepName(result.procedure.type, result.procedure.currentStepKey, result.procedure.currentStep) : '–' } });
      redirect(result.nextTask ? `/tasks/${result.nextTask.id}/show` : '/tasks');
      return undefined;
    } catch (err) {
      sent.current = false;
      const fields = submissionErrors(err);
      if (fields) return fields;
      notify((err as Error).message, { type: 'error' });
      return undefined;
    }
  }

  return (
    <Form
      key={task.id}
      resolver={resolver}
      record={definition.defaults?.(task) ?? {}}
      onSubmit={submit}
      sanitizeEmptyValues={false}
      id="task-form"
    >
      <div onKeyDown={submitOnCtrlEnter}>
        <definition.Inputs task={task} />
      </div>
      <Toolbar>
        <SubmitButton label="app.task.complete" hint="app.task.submit_hint" />
      </Toolbar>
    </Form>
  );
}
