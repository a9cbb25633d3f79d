import { z } from 'zod';
import { field } from '../../forms/field';
import { says } from '../../forms/words';

/** The approver's form of the four-eyes loop: approve, or reject saying why. */
export const approvalForm = z
  .strictObject({
    decision: field({ de: 'Entscheidung', en: 'Decision' }, z.enum(['approve', 'reject']), {
      de: 'Bitte wählen Sie, ob Sie freigeben oder ablehnen.',
      en: 'Please choose whether you approve or reject.',
    }),
    comment: field({ de: 'Begründung / Kommentar', en: 'Reason / comment' }, z.string().trim().max(2000).optional()),
  })
  .refine((v) => v.decision === 'approve' || (v.comment ?? '').length > 0, {
    path: ['comment'],
    ...says('Bitte begründen Sie die Ablehnung.', 'Please give a reason for the rejection.'),
  });
