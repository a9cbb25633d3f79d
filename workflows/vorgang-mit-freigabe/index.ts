import { defineProcedure } from '../module';
import { steps } from './steps';
import { startForm, taskForms } from './forms';

/** The smallest procedure: a staff task, then a manager's approval by someone else (four-eyes). */
export default defineProcedure({
  type: 'vorgang-mit-freigabe',
  label: 'Vorgang mit Freigabe',
  workflowType: 'vorgangMitFreigabe',
  startForm,
  steps,
  taskForms,
  titleOf: (input) => input.title,
});
