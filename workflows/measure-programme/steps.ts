import { reportPublicationSteps } from '../../documents/report-steps';
import { defineSteps, notApprovedEnd } from '../step-map';

// After the manager's approval the report goes out as every report does.
const publication = reportPublicationSteps('freigabe');

export const steps = defineSteps({
  nodes: [
    { key: 'auswertung', label: 'Register für das Jahr auswerten', kind: 'step' },
    { key: 'kommentar', label: 'Maßnahmenprogramm einschätzen', kind: 'task' },
    { key: 'freigabe', label: 'Bericht freigeben', kind: 'approval' },
    ...publication.nodes,
    {
      key: 'keine-massnahmen',
      label: 'Keine Maßnahmen im Jahr',
      kind: 'end',
      outcome: 'Keine Maßnahmen',
      notReached: 'ein Jahr ohne laufende Maßnahme, aber nach der ersten: im Workflow-Test geprüft',
    },
    notApprovedEnd,
  ],
  edges: [
    { from: 'start', to: 'auswertung' },
    { from: 'auswertung', to: 'kommentar', label: 'Maßnahmen im Jahr' },
    { from: 'auswertung', to: 'keine-massnahmen', label: 'keine Maßnahme im Jahr' },
    { from: 'kommentar', to: 'freigabe' },
    { from: 'freigabe', to: 'kommentar', label: 'abgelehnt → zurück' },
    ...publication.edges,
    { from: 'freigabe', to: 'nicht-freigegeben', label: 'nach 10 Runden' },
  ],
});
