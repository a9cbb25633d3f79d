import { unknownDepartments } from '../../db/references';
import { CONSULTATION_TYPE, CONSULTATION_WORKFLOW } from '../engine/consultation/contract';
import { defineProcedure } from '../module';
import { steps } from './steps';
import { startForm, taskForms } from './forms';

/**
 * Fachdienststellen-Anfrage: one question to N departments, answered by link or mail reply,
 * consolidated by staff. The same building block runs as a part of other procedures.
 */
export default defineProcedure({
  type: CONSULTATION_TYPE,
  label: 'Fachdienststellen-Anfrage',
  workflowType: CONSULTATION_WORKFLOW,
  startForm,
  steps,
  taskForms,
  titleOf: (input) => input.subject,
  childTitleOf: (parentTitle) => `Anfrage zu: ${parentTitle}`,
  startRule: 'jede der departmentIds nennt eine vorhandene Dienststelle',
  checkStart: async (db, input) => ({ problems: await unknownDepartments(db, input.departmentIds, 'input.departmentIds') }),
});
