import { defineSteps, notApprovedEnd } from '../step-map';

export const steps = defineSteps({
  nodes: [
    { key: 'zusammenfassen', label: 'Zusammenfassung und Relevanz', kind: 'task' },
    { key: 'gegenlesen', label: 'Zweitlektüre', kind: 'approval' },
    { key: 'dienststellen', label: 'Rückmeldung der Dienststellen', kind: 'consultation' },
    { key: 'archivieren', label: 'Im Wissensspeicher archivieren', kind: 'step' },
    { key: 'ausgewertet', label: 'Ausgewertet und archiviert', kind: 'end', outcome: 'Ausgewertet und archiviert' },
    notApprovedEnd,
  ],
  edges: [
    { from: 'start', to: 'zusammenfassen' },
    { from: 'zusammenfassen', to: 'gegenlesen' },
    { from: 'gegenlesen', to: 'zusammenfassen', label: 'zur Überarbeitung zurück' },
    { from: 'gegenlesen', to: 'dienststellen', label: 'freigegeben, Relevanz ab 2' },
    { from: 'gegenlesen', to: 'archivieren', label: 'freigegeben, Relevanz 1' },
    { from: 'dienststellen', to: 'archivieren' },
    { from: 'archivieren', to: 'ausgewertet' },
    { from: 'gegenlesen', to: 'nicht-freigegeben', label: 'nach 10 Runden' },
  ],
});
