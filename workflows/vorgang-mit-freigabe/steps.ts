import { defineSteps } from '../step-map';

export const steps = defineSteps({
  nodes: [
    { key: 'bearbeiten', label: 'Vorgang bearbeiten', kind: 'task' },
    { key: 'freigabe', label: 'Freigabe durch die Amtsleitung', kind: 'approval' },
    { key: 'freigegeben', label: 'Freigegeben', kind: 'end', outcome: 'Freigegeben' },
    {
      key: 'nicht-freigegeben',
      label: 'Nach 10 Runden nicht freigegeben',
      kind: 'end',
      outcome: 'Nach 10 Runden',
      notReached: 'zehn abgelehnte Runden nacheinander: im Workflow-Test mit weniger Runden geprüft',
    },
  ],
  edges: [
    { from: 'start', to: 'bearbeiten' },
    { from: 'bearbeiten', to: 'freigabe' },
    { from: 'freigabe', to: 'bearbeiten', label: 'abgelehnt → zurück' },
    { from: 'freigabe', to: 'freigegeben', label: 'freigegeben' },
    { from: 'freigabe', to: 'nicht-freigegeben', label: 'nach 10 Runden' },
  ],
});
