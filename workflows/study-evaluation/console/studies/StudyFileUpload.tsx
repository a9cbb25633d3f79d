import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, FormHelperText, Stack } from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ApiErrorBody } from '../../../../admin/src/dataProvider/http';
import { studyFileUrl } from './StudyFacts';

/** Uploads (or replaces) the study's file as multipart/form-data, field `file`, as the API takes it. */
export function StudyFileUpload({ studyId }: { studyId: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const hintId = useId();

  async function upload(file: File) {
    setBusy(true);
    setProblem(undefined);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await fetch(studyFileUrl(studyId), { method: 'POST', body, credentials: 'same-origin' });
      if (!res.ok) {
        const error = ((await res.json().catch(() => ({}))) as ApiErrorBody).error;
        setProblem(error?.fields?.[0]?.message ? `${error.message ?? ''}: ${error.fields[0].message}` : (error?.message ?? `Fehler ${res.status}`));
        return;
      }
      notify('app.study.uploaded', { type: 'success' });
      refresh();
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} disabled={busy}>
        {translate('app.study.upload')}
        <input
          ref={input}
          type="file"
          hidden
          aria-describedby={hintId}
          data-testid="study-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </Button>
      <FormHelperText id={hintId} error={!!problem}>
        {problem ?? translate('app.study.upload_hint')}
      </FormHelperText>
    </Stack>
  );
}
