import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { answerAttachments } from '../db/schema';

export interface AttachmentMeta {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** The files answered with each of these requests (without their bytes), in the order they came. */
export async function attachmentsByRequest(db: DbOrTx, requestIds: string[]): Promise<Map<string, AttachmentMeta[]>> {
  const byRequest = new Map<string, AttachmentMeta[]>(requestIds.map((id) => [id, []]));
  if (requestIds.length === 0) return byRequest;
  const rows = await db
    .select({
      id: answerAttachments.id,
      requestId: answerAttachments.requestId,
      filename: answerAttachments.filename,
      contentType: answerAttachments.contentType,
      size: answerAttachments.size,
    })
    .from(answerAttachments)
    .where(inArray(answerAttachments.requestId, requestIds))
    .orderBy(asc(answerAttachments.createdAt), asc(answerAttachments.filename));
  for (const { requestId, ...file } of rows) byRequest.get(requestId)?.push(file);
  return byRequest;
}
