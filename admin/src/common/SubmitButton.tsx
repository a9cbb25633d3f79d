import { Button, CircularProgress, Typography } from '@mui/material';
import { useFormState } from 'react-hook-form';
import { useTranslate } from 'react-admin';

/**
 * Submit, also on an untouched form (so the schema's messages show), and disabled while the
 * submission runs: a double click sends once.
 */
export function SubmitButton({ label, hint }: { label: string; /** Said beside the button: how the keyboard submits. */ hint?: string }) {
  const translate = useTranslate();
  const { isSubmitting } = useFormState();
  return (
    <>
      <Button type="submit" variant="contained" disabled={isSubmitting} startIcon={isSubmitting ? <CircularProgress size={16} /> : undefined}>
        {translate(label)}
      </Button>
      {hint && (
        <Typography variant="body2" color="text.secondary" sx={{ ml: 2 }}>
          {translate(hint)}
        </Typography>
      )}
    </>
  );
}
