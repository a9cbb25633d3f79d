import { z } from 'zod';

/** The approver's form of the four-eyes loop: approve, or reject saying why. */
export const approvalForm = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.comment ?? '').length > 0, {
    path: ['comment'],
    message: 'Eine Ablehnung braucht eine Begründung',
  });
