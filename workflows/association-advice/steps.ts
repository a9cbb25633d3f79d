import { defineSteps } from '../step-map';

export const steps = defineSteps({
  nodes: [
    { key: 'termin', label: 'Termin vereinbaren', kind: 'task' },
    { key: 'einladung', label: 'Einladung mit Kalendereintrag versandt', kind: 'step' },
    { key: 'vermerk', label: 'Vermerk nach dem Termin', kind: 'task' },
    { key: 'wiedervorlage:waiting', label: 'Wiedervorlage', kind: 'wait' },
    { key: 'abgeschlossen', label: 'Abgeschlossen', kind: 'end', outcome: 'Abgeschlossen' },
  ],
  edges: [
    { from: 'start', to: 'termin' },
    { from: 'termin', to: 'einladung' },
    { from: 'einladung', to: 'vermerk' },
    { from: 'vermerk', to: 'termin', label: 'weiterer Termin' },
    { from: 'vermerk', to: 'wiedervorlage:waiting', label: 'Wiedervorlage' },
    { from: 'wiedervorlage:waiting', to: 'vermerk', label: 'nachfassen' },
    { from: 'vermerk', to: 'abgeschlossen', label: 'Fall abgeschlossen' },
  ],
});
