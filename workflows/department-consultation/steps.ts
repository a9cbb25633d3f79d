import { defineSteps } from '../step-map';

/** The consultation building block's steps, on its own and as a part of another procedure. */
export const steps = defineSteps({
  nodes: [
    { key: 'consultation:waiting', label: 'Warten auf Antworten', kind: 'wait' },
    { key: 'erinnerung', label: 'Erinnerung an die Dienststellen', kind: 'step', event: 'request.reminder' },
    { key: 'eskalation', label: 'Eskalation an die Leitungen', kind: 'step', event: 'request.escalation' },
    { key: 'keine-antwort', label: '„Keine Antwort“ zur Frist', kind: 'deadline', event: 'request.no_answer' },
    { key: 'zusammenfuehren', label: 'Antworten zusammenführen', kind: 'task' },
    { key: 'zusammengefuehrt', label: 'Zusammengeführt', kind: 'end', outcome: 'Zusammengeführt' },
    { key: 'abgeschlossen', label: 'Antworten an den Vorgang übergeben', kind: 'end', outcome: 'Abgeschlossen' },
  ],
  edges: [
    { from: 'start', to: 'consultation:waiting' },
    { from: 'consultation:waiting', to: 'erinnerung', label: 'noch nicht alle geantwortet' },
    { from: 'erinnerung', to: 'eskalation', label: 'noch nicht alle geantwortet' },
    { from: 'eskalation', to: 'keine-antwort', label: 'Frist abgelaufen' },
    { from: 'consultation:waiting', to: 'zusammenfuehren', label: 'alle haben geantwortet' },
    { from: 'erinnerung', to: 'zusammenfuehren', label: 'alle haben geantwortet' },
    { from: 'eskalation', to: 'zusammenfuehren', label: 'alle haben geantwortet' },
    { from: 'keine-antwort', to: 'zusammenfuehren' },
    { from: 'zusammenfuehren', to: 'zusammengefuehrt' },
    { from: 'consultation:waiting', to: 'abgeschlossen', label: 'ohne Zusammenführung (Teil eines Vorgangs)' },
    { from: 'keine-antwort', to: 'abgeschlossen', label: 'ohne Zusammenführung' },
  ],
});
