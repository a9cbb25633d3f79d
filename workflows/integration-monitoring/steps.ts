import { reportPublicationSteps } from '../../documents/report-steps';
import { defineSteps, notApprovedEnd } from '../step-map';

// After the manager's approval the report goes out as every report does.
const publication = reportPublicationSteps('freigabe');

export const steps = defineSteps({
  nodes: [
    { key: 'werte', label: 'Werte bei den Dienststellen anfragen', kind: 'consultation' },
    { key: 'werte:gespeichert', label: 'Werte der Dienststellen übernehmen', kind: 'step' },
    { key: 'klaerung', label: 'Werte klären', kind: 'task' },
    { key: 'werte:geklaert', label: 'Geklärte Werte übernehmen', kind: 'step' },
    { key: 'vergleich', label: 'Mit Vorquartal und Vorjahr vergleichen', kind: 'step' },
    { key: 'kommentar', label: 'Quartal kommentieren', kind: 'task' },
    { key: 'freigabe', label: 'Bericht freigeben', kind: 'approval' },
    ...publication.nodes,
    { key: 'keine-indikatoren', label: 'Keine aktiven Indikatoren', kind: 'end', outcome: 'Keine aktiven Indikatoren', notReached: 'die Demodaten haben immer aktive Indikatoren' },
    notApprovedEnd,
  ],
  edges: [
    { from: 'start', to: 'werte' },
    { from: 'start', to: 'keine-indikatoren', label: 'keine aktiven Indikatoren' },
    { from: 'werte', to: 'werte:gespeichert' },
    { from: 'werte:gespeichert', to: 'klaerung', label: 'Werte fehlen oder sind unplausibel' },
    { from: 'werte:gespeichert', to: 'vergleich', label: 'alle Werte plausibel' },
    { from: 'klaerung', to: 'werte:geklaert' },
    { from: 'werte:geklaert', to: 'vergleich' },
    { from: 'vergleich', to: 'kommentar' },
    { from: 'kommentar', to: 'freigabe' },
    { from: 'freigabe', to: 'kommentar', label: 'abgelehnt → zurück' },
    ...publication.edges,
    { from: 'freigabe', to: 'nicht-freigegeben', label: 'nach 10 Runden' },
  ],
});
