import { defineSteps } from '../step-map';

export const steps = defineSteps({
  nodes: [
    { key: 'uebersetzung', label: 'Übersetzungen anfragen', kind: 'consultation' },
    { key: 'pruefen', label: 'Übersetzung prüfen (zweite Person)', kind: 'approval' },
    { key: 'faltblaetter', label: 'Faltblätter drucken', kind: 'step' },
    { key: 'rueckmeldung', label: 'Versand und Rückmeldungen der Organisationen', kind: 'consultation' },
    { key: 'auswerten', label: 'Kampagne auswerten', kind: 'task' },
    { key: 'abgeschlossen', label: 'Abgeschlossen', kind: 'end', outcome: 'Abgeschlossen' },
    {
      key: 'niemand',
      label: 'Keine Organisation erreichbar',
      kind: 'end',
      outcome: 'Keine Organisation erreichbar',
      notReached: 'alle Einwilligungen zwischen dem Start und dem Versand widerrufen: im Workflow-Test geprüft',
    },
  ],
  edges: [
    { from: 'start', to: 'uebersetzung' },
    { from: 'start', to: 'faltblaetter', label: 'nur Deutsch' },
    { from: 'uebersetzung', to: 'pruefen' },
    { from: 'uebersetzung', to: 'faltblaetter', label: 'keine Übersetzung bis zur Frist' },
    { from: 'pruefen', to: 'uebersetzung', label: 'zurückgegeben → neue Runde' },
    { from: 'pruefen', to: 'faltblaetter', label: 'freigegeben' },
    { from: 'faltblaetter', to: 'rueckmeldung' },
    { from: 'faltblaetter', to: 'auswerten', label: 'keine Organisation erreichbar' },
    { from: 'rueckmeldung', to: 'auswerten' },
    { from: 'auswerten', to: 'abgeschlossen' },
    { from: 'auswerten', to: 'niemand', label: 'niemand angeschrieben' },
  ],
});
