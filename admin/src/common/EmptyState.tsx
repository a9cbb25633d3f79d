import { Box, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Button, CreateButton, useTranslate } from 'react-admin';

/**
 * What a list shows while it has nothing yet, instead of react-admin's "Möchten Sie einen Eintrag
 * anlegen?": a sentence that says what to do next, and the button that does it, either creating
 * the list's own kind of record (`create`, shown only to those who may) or opening the page `to`.
 */
export function EmptyState({ message, actionLabel, to }: { message: string; actionLabel?: string; to?: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3, textAlign: 'center', maxWidth: 640, mx: 'auto' }} data-testid="empty-state">
      <Typography variant="body1" sx={{ mb: 2 }}>
        {translate(message)}
      </Typography>
      {actionLabel && to && <Button component={Link} to={to} variant="contained" label={actionLabel} />}
      {actionLabel && !to && <CreateButton variant="contained" label={actionLabel} />}
    </Box>
  );
}
