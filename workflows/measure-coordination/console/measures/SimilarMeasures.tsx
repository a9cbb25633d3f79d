import { Alert, Box, Button, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Link, useNotify, useRedirect, useTranslate } from 'react-admin';
import { apiFetch } from '../../../../admin/src/dataProvider/http';

export interface Candidate {
  id: string;
  title: string;
  providerName: string;
  score: number;
  /** German words from the API ("gleicher Stadtbezirk (Ehrenfeld)"). */
  reasons: string[];
}

/** The fields of a measure the duplicate check reads; the rest of a form stays out of the request. */
const DRAFT_FIELDS = ['id', 'title', 'description', 'providerId', 'fieldOfAction', 'targetGroups', 'districtIds', 'startsOn', 'endsOn'] as const;

export function draftOf(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(DRAFT_FIELDS.flatMap((k) => (values[k] === null || values[k] === undefined || values[k] === '' ? [] : [[k, values[k]]])));
}

const WAIT_MS = 500;

/**
 * The registered measures that may offer the same as `draft`, asked for once the typing pauses.
 * Only the last question's answer is shown: an earlier one arriving late is dropped.
 */
export function useSimilarMeasures(draft: Record<string, unknown>): { candidates: Candidate[]; checking: boolean } {
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [checking, setChecking] = useState(false);
  const asked = useRef(0);
  const key = JSON.stringify(draft);
  useEffect(() => {
    const body = JSON.parse(key) as Record<string, unknown>;
    if (!body.title && !body.description) {
      setCandidates([]);
      return;
    }
    const question = ++asked.current;
    const timer = setTimeout(() => {
      setChecking(true);
      apiFetch('/api/measures/similar', { method: 'POST', body })
        .then(({ json }) => question === asked.current && setCandidates(json as Candidate[]))
        // A draft the API refuses (a date half typed) has no candidates yet; the form says what is wrong on save.
        .catch(() => question === asked.current && setCandidates([]))
        .finally(() => question === asked.current && setChecking(false));
    }, WAIT_MS);
    return () => clearTimeout(timer);
  }, [key]);
  return { candidates, checking };
}

/** Starts "Maßnahme abstimmen" for the measure and a candidate, and opens it; one that runs already is opened. */
function CoordinateButton({ measureId, candidateId }: { measureId: string; candidateId: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      const { status, json } = await apiFetch('/api/procedures', {
        method: 'POST',
        body: { type: 'measure-coordination', input: { measureId, otherMeasureId: candidateId } },
      });
      const body = json as { id?: string; error?: { message?: string } };
      if (status === 201 && body.id) return redirect(`/procedures/${encodeURIComponent(body.id)}/show`);
      notify(body.error?.message ?? translate('app.coordination.start_failed'), { type: 'warning' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" onClick={() => void start()} disabled={busy} sx={{ ml: 1 }}>
      {translate('app.coordination.start')}
    </Button>
  );
}

/** The candidates with their score and reasons, each a link to the measure; on a measure's page, each can be coordinated. */
export function SimilarMeasures({ candidates, checking, measureId }: { candidates: Candidate[]; checking: boolean; measureId?: string }) {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby="similar-heading" aria-live="polite" sx={{ my: 2, width: '100%' }} data-testid="similar-measures">
      <Typography id="similar-heading" variant="h6" component="h2">
        {translate('app.measures.similar_heading')}
      </Typography>
      {checking && candidates.length === 0 && <Typography variant="body2">{translate('app.measures.similar_checking')}</Typography>}
      {!checking && candidates.length === 0 && <Typography variant="body2">{translate('app.measures.similar_none')}</Typography>}
      {candidates.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          <Typography variant="body2">{translate('app.measures.similar_hint')}</Typography>
          <List dense disablePadding>
            {candidates.map((c) => (
              <ListItem key={c.id} disableGutters>
                <ListItemText
                  primary={
                    <>
                      <Link to={`/measures/${encodeURIComponent(c.id)}/show`}>{c.title}</Link> {translate('app.measures.of_provider', { provider: c.providerName })} ·{' '}
                      {translate('app.measures.similar_score', { percent: Math.round(c.score * 100) })}
                      {measureId && <CoordinateButton measureId={measureId} candidateId={c.id} />}
                    </>
                  }
                  secondary={c.reasons.join(', ')}
                />
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Box>
  );
}
