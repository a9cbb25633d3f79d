import AttachFileIcon from '@mui/icons-material/AttachFile';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, FormHelperText, Stack, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { randomKey } from '../common/schemaResolver';
import type { ApiErrorBody } from '../dataProvider/http';

// The file types the API takes for a Vermerk: those of the answer page (answers/attachment-rules.ts,
// which checks them again on the server).
const ACCEPTED = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.txt';

/**
 * "Vermerk hinzufügen": a text and up to five files, sent as the API takes them (multipart/form-data);
 * one key per opened dialog, so that a double click or a retry is one note. The note then appears in
 * the procedure's timeline.
 */
export function NoteButton({ procedureId, taskId }: { procedureId: string; taskId?: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<{ text?: string; files?: string; other?: string }>({});
  const [busy, setBusy] = useState(false);
  const key = useRef(randomKey());
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const filesHint = useId();

  function close() {
    setOpen(false);
    setText('');
    setFiles([]);
    setProblems({});
    key.current = randomKey();
  }

  async function save() {
    if (busy) return;
    if (text.trim() === '') {
      setProblems({ text: translate('ra.validation.required') });
      return;
    }
    setBusy(true);
    setProblems({});
    try {
      const body = new FormData();
      body.append('text', text);
      if (taskId) body.append('taskId', taskId);
      for (const file of files) body.append('files', file);
      const res = await fetch(`/api/procedures/${encodeURIComponent(procedureId)}/notes`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'idempotency-key': key.current },
      });
      if (!res.ok) {
        const error = ((await res.json().catch(() => ({}))) as ApiErrorBody).error;
        const found: typeof problems = {};
        for (const f of error?.fields ?? []) {
          if (f.path === 'body.text') found.text = f.message;
          else if (f.path === 'body.files') found.files = f.message === 'Dateityp nicht erlaubt' ? (error?.message ?? f.message) : f.message;
          else found.other = `${error?.message ?? ''}: ${f.message}`;
        }
        if (!found.text && !found.files && !found.other) found.other = error?.message ?? `Fehler ${res.status}`;
        setProblems(found);
        return;
      }
      notify('app.note.saved', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['procedure-history', procedureId] });
      close();
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" startIcon={<NoteAddIcon />} onClick={() => setOpen(true)} data-testid="note-add">
        {translate('app.note.add')}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="sm">
        <DialogTitle id={titleId}>{translate(taskId ? 'app.note.title_task' : 'app.note.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={translate('app.note.text')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (problems.text) setProblems({ ...problems, text: undefined });
              }}
              multiline
              minRows={4}
              required
              fullWidth
              autoFocus
              error={!!problems.text}
              helperText={problems.text ?? translate('app.note.text_hint')}
              slotProps={{ htmlInput: { maxLength: 10_000, 'data-testid': 'note-text' } }}
            />
            <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
              <Button component="label" variant="outlined" startIcon={<AttachFileIcon />}>
                {translate('app.note.files')}
                <input
                  ref={input}
                  type="file"
                  multiple
                  hidden
                  accept={ACCEPTED}
                  aria-describedby={filesHint}
                  data-testid="note-files"
                  onChange={(e) => setFiles([...(e.target.files ?? [])])}
                />
              </Button>
              {files.length > 0 && <Typography variant="body2">{translate('app.note.chosen', { names: files.map((f) => f.name).join(', ') })}</Typography>}
              <FormHelperText id={filesHint} error={!!problems.files}>
                {problems.files ?? translate('app.note.files_hint')}
              </FormHelperText>
            </Stack>
            {problems.other && (
              <Typography color="error" role="alert">
                {problems.other}
              </Typography>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={() => void save()} disabled={busy}>
            {translate('app.note.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
