import type { StudyFacts } from './activities';
import type { ConsultationResult } from '../engine/consultation/workflow';
import type { Summary } from './forms';

// What the departments read and what the knowledge base keeps: plain text, built from the evaluation.

export const CONSULTATION_QUESTION = 'Was folgt daraus für Ihre Dienststelle?';

function source(study: StudyFacts): string {
  return [
    `${study.title} (${study.year})`,
    `Autorinnen und Autoren: ${study.authors}`,
    study.publisher ? `Herausgeber: ${study.publisher}` : undefined,
    study.link ? `Link: ${study.link}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}

function findings(summary: Summary): string {
  return summary.keyFindings.length ? `Wichtigste Erkenntnisse:\n${summary.keyFindings.map((f) => `- ${f}`).join('\n')}` : '';
}

export function consultationSubject(study: StudyFacts): string {
  const subject = `Studie: ${study.title}`;
  return subject.length <= 200 ? subject : `${subject.slice(0, 199)}…`;
}

export function consultationQuestion(study: StudyFacts, summary: Summary): string {
  return [
    `Das Amt für Integration hat eine Studie ausgewertet. ${CONSULTATION_QUESTION}`,
    source(study),
    `Zusammenfassung:\n${summary.summary}`,
    findings(summary),
    `Relevanz für die Stadt: ${summary.relevance} von 5`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function archiveBody(study: StudyFacts, summary: Summary, consulted: ConsultationResult | undefined): string {
  const feedback = consulted
    ? [
        `Rückmeldung der Dienststellen:\n${consulted.consolidation.summary}`,
        consulted.consolidation.followUp ? `Weiteres Vorgehen:\n${consulted.consolidation.followUp}` : undefined,
        consulted.outcomes
          .map((o) => `${o.departmentName}: ${o.status === 'answered' ? (o.answerText ?? '(Antwort ohne Text)') : 'keine Antwort'}`)
          .join('\n\n'),
      ]
    : ['Die Dienststellen wurden nicht gefragt.'];
  return [source(study), findings(summary), `Relevanz für die Stadt: ${summary.relevance} von 5`, ...feedback]
    .filter(Boolean)
    .join('\n\n');
}
