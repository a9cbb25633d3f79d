import type { StepEdge, StepNode } from '../workflows/step-map';

// The steps every report records on its way out (report-store.ts), as the modules' maps draw them.

export const reportStepKeys = { html: 'bericht:html', pdf: 'bericht:pdf', published: 'bericht:veroeffentlicht' } as const;

/** From the approval that lets the report out (`approval`, its node's key) to the end "Bericht veröffentlicht". */
export function reportPublicationSteps(approval: string): { nodes: StepNode[]; edges: StepEdge[] } {
  return {
    nodes: [
      { key: reportStepKeys.html, label: 'Bericht erstellen', kind: 'step' },
      { key: reportStepKeys.pdf, label: 'Bericht als PDF drucken', kind: 'step' },
      { key: reportStepKeys.published, label: 'Veröffentlichen und versenden', kind: 'step' },
      { key: 'veroeffentlicht', label: 'Bericht veröffentlicht', kind: 'end', outcome: 'Bericht' },
    ],
    edges: [
      { from: approval, to: reportStepKeys.html, label: 'freigegeben' },
      { from: reportStepKeys.html, to: reportStepKeys.pdf },
      { from: reportStepKeys.pdf, to: reportStepKeys.published },
      { from: reportStepKeys.published, to: 'veroeffentlicht' },
    ],
  };
}
