import { Link, useRecordContext, useTranslate } from 'react-admin';

/** The call's review, if one was started: a link to its procedure. */
export function ReviewLink() {
  const translate = useTranslate();
  const record = useRecordContext<{ reviewProcedureId: string | null }>();
  if (!record) return null;
  if (!record.reviewProcedureId) return <span>{translate('app.funding.no_review')}</span>;
  return (
    <Link to={`/procedures/${encodeURIComponent(record.reviewProcedureId)}/show`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
      {translate('app.funding.open_review')}
    </Link>
  );
}
