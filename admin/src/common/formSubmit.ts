import { useNotify } from 'react-admin';
import { submissionErrors } from '../dataProvider/http';

/**
 * A dialog form's submit: runs the action; a refusal naming fields goes back to the form (shown at
 * each field), any other refusal is a notification. For react-admin's <Form onSubmit>.
 */
export function useFormSubmit() {
  const notify = useNotify();
  return async (action: () => Promise<unknown>): Promise<Record<string, string> | undefined> => {
    try {
      await action();
      return undefined;
    } catch (err) {
      const fields = submissionErrors(err);
      if (fields) return fields;
      notify((err as Error).message, { type: 'error' });
      return undefined;
    }
  };
}
