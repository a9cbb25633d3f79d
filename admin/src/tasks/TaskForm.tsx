import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { Form, Toolbar, useNotify, useRedirect } from 'react-admin';
import { formSchemas, isFormKind } from '../../../workflows/forms';
import { randomKey, schemaResolver } from '../common/schemaResolver';
import { SubmitButton } from '../common/SubmitButton';
import { taskForms } from './forms/registry';
import { SchemaInputs } from '../common/SchemaInputs';
import { submissionErrors } from '../dataProvider/http';
import { taskApi, type Task } from './taskApi';

/**
 * The task's form, checked in the browser with the API's own schema; on success the person
 * goes straight to their next task in this procedure, or back to the inbox.
 */
export function TaskForm({ task }: { task: Task }) {
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const schema = isFormKind(task.formKind) ? formSchemas[task.formKind] : undefined;
  const definition = taskForms[task.formKind];
  const resolver = useMemo(() => (schema ? schemaResolver(schema, definition?.prepare) : undefined), [schema, definition]);
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
      else notify('app.task.done_next_step', { type: 'success', messageArgs: { step: result.procedure.currentStep ?? '–' } });
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
      record={definition?.defaults?.(task) ?? {}}
      onSubmit={submit}
      sanitizeEmptyValues={false}
      id="task-form"
    >
      {definition ? <definition.Inputs task={task} /> : <SchemaInputs schema={schema} />}
      <Toolbar>
        <SubmitButton label="app.task.complete" />
      </Toolbar>
    </Form>
  );
}
