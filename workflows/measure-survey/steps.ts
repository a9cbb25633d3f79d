import { defineSteps } from '../step-map';

export const steps = defineSteps({
  nodes: [
    { key: 'abfrage', label: 'Abfrage bei den Trägern', kind: 'consultation' },
    { key: 'pruefen', label: 'Antworten der Träger prüfen', kind: 'task' },
    { key: 'abgeschlossen', label: 'Abgeschlossen', kind: 'end', outcome: 'Abgeschlossen' },
    {
      key: 'niemand',
      label: 'Keine Träger abzufragen',
      kind: 'end',
      outcome: 'Keine Träger abzufragen',
      notReached: 'ein Jahr ohne laufende Maßnahme eines erreichbaren Trägers: im Workflow-Test geprüft',
    },
  ],
  edges: [
    { from: 'start', to: 'abfrage' },
    { from: 'start', to: 'niemand', label: 'keine Maßnahme im Jahr' },
    { from: 'abfrage', to: 'pruefen' },
    { from: 'pruefen', to: 'abgeschlossen' },
  ],
});
