import { defineSteps, notApprovedEnd } from '../step-map';

export const steps = defineSteps({
  nodes: [
    { key: 'bearbeiten', label: 'Vorgang bearbeiten', kind: 'task' },
    { key: 'freigabe', label: 'Freigabe durch die Amtsleitung', kind: 'approval' },
    { key: 'freigegeben', label: 'Freigegeben', kind: 'end', outcome: 'Freigegeben' },
    notApprovedEnd,
  ],
  edges: [
    { from: 'start', to: 'bearbeiten' },
    { from: 'bearbeiten', to: 'freigabe' },
    { from: 'freigabe', to: 'bearbeiten', label: 'abgelehnt → zurück' },
    { from: 'freigabe', to: 'freigegeben', label: 'freigegeben' },
    { from: 'freigabe', to: 'nicht-freigegeben', label: 'nach 10 Runden' },
  ],
});
