import { desc } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { mailbox, mailOutbox, mailStatuses } from '../../db/schema';
import { crudResource } from '../crud';
import type { Api } from '../route';

export function mailRoutes(api: Api, db: Db, withMailbox: boolean) {
  crudResource(api, db, {
    resource: 'mails',
    label: 'Mail',
    table: mailOutbox,
    idColumn: mailOutbox.id,
    columns: {
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      procedureId: mailOutbox.procedureId,
      taskId: mailOutbox.taskId,
      messageId: mailOutbox.messageId,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    },
    searchColumns: [mailOutbox.subject],
    filters: {
      status: { column: mailOutbox.status, schema: z.enum(mailStatuses) },
      procedureId: { column: mailOutbox.procedureId, schema: z.string() },
      taskId: { column: mailOutbox.taskId, schema: z.uuid() },
    },
    defaultSort: desc(mailOutbox.createdAt),
    read: 'user',
  });

  // The embedded catcher's inbox: what a department or a colleague would have received. Admins only:
  // a request mail there holds a department's live answer link, which is the department's to use.
  if (withMailbox) {
    crudResource(api, db, {
      resource: 'mailbox',
      label: 'Empfangene Mail',
      table: mailbox,
      idColumn: mailbox.id,
      columns: {
        id: mailbox.id,
        messageId: mailbox.messageId,
        envelopeTo: mailbox.envelopeTo,
        from: mailbox.from,
        subject: mailbox.subject,
        text: mailbox.text,
        html: mailbox.html,
        // Reply-To and the like, as the recipient's mail program shows them.
        headers: mailbox.headers,
        attachments: mailbox.attachments,
        receivedAt: mailbox.receivedAt,
      },
      searchColumns: [mailbox.subject, mailbox.text],
      filters: { messageId: { column: mailbox.messageId, schema: z.string() } },
      defaultSort: desc(mailbox.receivedAt),
      read: ['admin'],
    });
  }
}
