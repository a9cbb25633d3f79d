import { z } from 'zod';
import { deadlineField } from '../../forms/deadline';
import { field, writtenText } from '../../forms/field';
import { says, type Words } from '../../forms/words';
import { approvalForm } from '../engine/approval-form';

// Maßnahme abstimmen: shared by the API (validation, OpenAPI), the workflow and the console.

export const startForm = z
  .strictObject({
    measureId: field({ de: 'Maßnahme', en: 'Measure' }, z.uuid(), {
      de: 'Bitte wählen Sie die Maßnahme aus der Liste.',
      en: 'Please choose the measure from the list.',
    }),
    otherMeasureId: field({ de: 'Ähnliche Maßnahme', en: 'Similar measure' }, z.uuid(), {
      de: 'Bitte wählen Sie die ähnliche Maßnahme aus der Liste.',
      en: 'Please choose the similar measure from the list.',
    }),
  })
  .refine((v) => v.measureId !== v.otherMeasureId, {
    path: ['otherMeasureId'],
    ...says('Eine Maßnahme ist kein Doppelangebot zu sich selbst.', 'A measure is no duplicate of itself.'),
  });
export type CoordinationStart = z.infer<typeof startForm>;

/** A text of at least three characters: what to say when it is missing, and when it is shorter. */
const reason = (label: Words, missing: Words, tooShort: Words) => writtenText(label, { min: 3, max: 5000 }, { missing, tooShort });

export const overlapForm = z
  .strictObject({
    coordinate: field({ de: 'Abstimmung nötig', en: 'Coordination needed' }, z.boolean(), {
      de: 'Bitte geben Sie an, ob die beiden Maßnahmen abgestimmt werden sollen.',
      en: 'Please say whether the two measures should be coordinated.',
    }),
    reason: reason(
      { de: 'Begründung', en: 'Reason' },
      { de: 'Bitte begründen Sie Ihre Einschätzung.', en: 'Please give a reason for your assessment.' },
      { de: 'Bitte begründen Sie Ihre Einschätzung mit mindestens 3 Zeichen.', en: 'Please give a reason of at least 3 characters.' },
    ),
    /** The city department responsible for the field, asked beside the two providers. */
    departmentId: field({ de: 'Zuständige Dienststelle', en: 'Responsible department' }, z.uuid().nullable().optional(), {
      de: 'Bitte wählen Sie die zuständige Dienststelle aus der Liste.',
      en: 'Please choose the responsible department from the list.',
    }),
    question: field(
      { de: 'Frage an die Träger', en: 'Question to the providers' },
      z.string().trim().max(5000).optional(),
    ),
    deadline: deadlineField({ de: 'Antwortfrist', en: 'Answer deadline' }).optional(),
  })
  .refine((v) => !v.coordinate || !!v.departmentId, {
    path: ['departmentId'],
    ...says(
      'Für eine Abstimmung wählen Sie bitte die zuständige Dienststelle.',
      'For a coordination, please choose the responsible department.',
    ),
  });

export const decisions = ['unchanged', 'cooperate', 'adjust', 'end', 'funding-advice'] as const;
export type CoordinationDecision = (typeof decisions)[number];
/** Which of the two measures a change or an end concerns. */
export const whichMeasure = ['first', 'second'] as const;

export const decisionForm = z
  .strictObject({
    decision: field({ de: 'Entscheidung', en: 'Decision' }, z.enum(decisions), {
      de: 'Bitte wählen Sie eine der angebotenen Entscheidungen.',
      en: 'Please choose one of the decisions offered.',
    }),
    /** For "adjust" and "end": the measure that changes or ends. */
    measure: field({ de: 'Betroffene Maßnahme', en: 'Measure concerned' }, z.enum(whichMeasure).optional(), {
      de: 'Bitte wählen Sie, welche der beiden Maßnahmen es betrifft.',
      en: 'Please choose which of the two measures it concerns.',
    }),
    reason: reason(
      { de: 'Begründung', en: 'Reason' },
      { de: 'Bitte begründen Sie die Entscheidung.', en: 'Please give a reason for the decision.' },
      { de: 'Bitte begründen Sie die Entscheidung mit mindestens 3 Zeichen.', en: 'Please give a reason of at least 3 characters.' },
    ),
    /** What the providers are told to do, in the mail: "Das Sprachcafé zieht donnerstags nach Kalk." */
    agreement: field({ de: 'Vereinbarung', en: 'Agreement' }, z.string().trim().max(5000).optional()),
  })
  .refine((v) => !['adjust', 'end'].includes(v.decision) || v.measure !== undefined, {
    path: ['measure'],
    ...says('Bitte wählen Sie, welche der beiden Maßnahmen sich ändert oder endet.', 'Please choose which of the two measures changes or ends.'),
  });
export type DecisionData = z.infer<typeof decisionForm>;

export const followUpForm = z.strictObject({
  done: field({ de: 'Umgesetzt', en: 'Implemented' }, z.boolean(), {
    de: 'Bitte geben Sie an, ob die Vereinbarung umgesetzt ist.',
    en: 'Please say whether the agreement has been implemented.',
  }),
  note: reason(
    { de: 'Vermerk', en: 'Note' },
    { de: 'Bitte halten Sie fest, was Sie festgestellt haben.', en: 'Please note what you found.' },
    { de: 'Bitte halten Sie mit mindestens 3 Zeichen fest, was Sie festgestellt haben.', en: 'Please note in at least 3 characters what you found.' },
  ),
});

export const taskForms = {
  'abstimmung-sichten': overlapForm,
  'abstimmung-entscheidung': decisionForm,
  'abstimmung-freigabe': approvalForm,
  'abstimmung-nachhalten': followUpForm,
} as const;
