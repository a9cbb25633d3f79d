import { Box, Card, CardContent, Grid, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Suspense, type ReactNode } from 'react';

export interface Column<T> {
  label: string;
  value: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A chart and its numbers side by side: the table is what a screen reader and an auditor read. */
export function ChartWithTable<T>({
  title,
  chart,
  rows,
  columns,
  id,
  empty,
  action,
}: {
  title: string;
  chart: ReactNode;
  rows: T[];
  columns: Column<T>[];
  id: string;
  /** Said instead of an empty chart. */
  empty?: string;
  /** Beside the title: what chooses the figures (a period). */
  action?: ReactNode;
}) {
  // Tables of more than three columns go below the chart, where they have the width.
  const wide = columns.length > 3;
  return (
    <Card variant="outlined" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="h6" component="h2" id={`${id}-title`}>
            {title}
          </Typography>
          {action}
        </Stack>
        {rows.length === 0 && empty ? (
          <Typography>{empty}</Typography>
        ) : (
          <Grid container spacing={2}>
            {/* The chart repeats the table for the eye; hidden from screen readers, nothing in it takes focus.
                Its chunk may come after the figures: its place is kept, so the table does not move. */}
            <Grid size={{ xs: 12, lg: wide ? 12 : 7 }} sx={{ minHeight: 260 }} aria-hidden="true">
              <Suspense fallback={<Box sx={{ height: 260 }} />}>{chart}</Suspense>
            </Grid>
            <Grid size={{ xs: 12, lg: wide ? 12 : 5 }} sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-labelledby={`${id}-title`}>
                <TableHead>
                  <TableRow>
                    {columns.map((c) => (
                      <TableCell key={c.label} align={c.numeric ? 'right' : 'left'}>
                        {c.label}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((row, i) => (
                    <TableRow key={i}>
                      {columns.map((c) => (
                        <TableCell key={c.label} align={c.numeric ? 'right' : 'left'}>
                          {c.value(row)}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Grid>
          </Grid>
        )}
      </CardContent>
    </Card>
  );
}
