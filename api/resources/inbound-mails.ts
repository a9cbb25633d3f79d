import { desc } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { inboundMailColumns, inboundMails, inboundStatuses } from '../../db/schema';
import { crudResource } from '../crud';
import type { Api } from '../route';

/** Every mail the inbound listener took, with what became of it: accepted as an answer, or rejected and why. */
export function inboundMailRoutes(api: Api, db: Db) {
  crudResource(api, db, {
    resource: 'inbound-mails',
    label: 'Eingegangene Mail',
    table: inboundMails,
    idColumn: inboundMails.id,
    columns: inboundMailColumns,
    searchColumns: [inboundMails.subject, inboundMails.from],
    filters: {
      status: { column: inboundMails.status, schema: z.enum(inboundStatuses) },
      messageId: { column: inboundMails.messageId, schema: z.string() },
      envelopeFrom: { column: inboundMails.envelopeFrom, schema: z.string() },
    },
    defaultSort: desc(inboundMails.receivedAt),
    read: ['manager', 'admin'],
  });
}
