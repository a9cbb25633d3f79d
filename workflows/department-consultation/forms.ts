// A consultation started on its own: the engine's consultation building block is the whole procedure.
export { startForm, consultationTaskForms as taskForms, type ConsultationStart } from '../engine/consultation/forms';
