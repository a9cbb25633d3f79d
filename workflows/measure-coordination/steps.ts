import { defineSteps, notApprovedEnd } from '../step-map';

export const steps = defineSteps({
  nodes: [
    { key: 'sichten', label: 'Überschneidung ansehen', kind: 'task' },
    { key: 'anfrage', label: 'Anfrage an die Träger und die Dienststelle', kind: 'consultation' },
    { key: 'entscheidung', label: 'Über die Abstimmung entscheiden', kind: 'task' },
    { key: 'freigabe', label: 'Entscheidung freigeben', kind: 'approval' },
    { key: 'nachhalten:waiting', label: 'Warten auf die Nachschau', kind: 'wait' },
    { key: 'nachhalten', label: 'Umsetzung nachhalten', kind: 'task' },
    { key: 'keine-abstimmung', label: 'Keine Abstimmung nötig', kind: 'end', outcome: 'Keine Abstimmung nötig' },
    {
      key: 'entfallen',
      label: 'Entfallen: eine Maßnahme wurde gelöscht',
      kind: 'end',
      outcome: 'Entfallen',
      notReached: 'eine Maßnahme, gelöscht zwischen dem Start und dem ersten Schritt: im Workflow-Test geprüft',
    },
    { key: 'abgestimmt', label: 'Abgestimmt', kind: 'end', outcome: 'Abgestimmt' },
    notApprovedEnd,
  ],
  edges: [
    { from: 'start', to: 'sichten' },
    { from: 'start', to: 'entfallen', label: 'Maßnahme gelöscht' },
    { from: 'sichten', to: 'keine-abstimmung', label: 'keine Abstimmung nötig' },
    { from: 'sichten', to: 'anfrage', label: 'abstimmen' },
    { from: 'anfrage', to: 'entscheidung' },
    { from: 'entscheidung', to: 'freigabe' },
    { from: 'freigabe', to: 'entscheidung', label: 'abgelehnt → zurück' },
    { from: 'freigabe', to: 'nicht-freigegeben', label: 'zehnmal abgelehnt' },
    { from: 'freigabe', to: 'nachhalten:waiting', label: 'freigegeben' },
    { from: 'nachhalten:waiting', to: 'nachhalten' },
    { from: 'nachhalten', to: 'abgestimmt' },
  ],
});
