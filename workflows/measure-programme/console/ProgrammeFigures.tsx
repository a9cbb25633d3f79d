import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { useFormats } from '../../../admin/src/common/numbers';
import type { MatrixCell } from '../programme';
import type { ProgrammeFigures as Figures } from '../sections';

// The year's figures as the report will print them, for whoever assesses or approves them.

/** Wide tables scroll inside their box, so that the page itself never scrolls sideways. */
const scroll = { overflowX: 'auto', my: 1 } as const;

function Cell({ cell }: { cell: MatrixCell }) {
  const translate = useTranslate();
  const f = useFormats();
  if (cell.measures === 0) return <TableCell align="right" sx={{ bgcolor: 'action.hover' }}>–</TableCell>;
  return (
    <TableCell align="right">
      {f.number(cell.measures)}
      <Typography component="span" variant="caption" sx={{ display: 'block' }}>
        {translate('app.programme.participants_short', { count: f.number(cell.participants) })}
      </Typography>
    </TableCell>
  );
}

/** A figures table under its heading; the heading names the table for screen readers too. */
function FiguresTable({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate(title)}
      </Typography>
      {/* A scrolling box is reached by the keyboard too (WCAG 2.1.1), and named as the table it holds. */}
      <Box sx={scroll} tabIndex={0} role="region" aria-label={translate(title)}>
        <Table size="small" aria-label={translate(title)} data-testid={testId}>
          {children}
        </Table>
      </Box>
    </>
  );
}

export function ProgrammeFigures({ figures }: { figures: Figures | undefined }) {
  const translate = useTranslate();
  const f = useFormats();
  if (!figures) return null;
  const { matrix, funding, coordinations } = figures;
  return (
    <>
      <FiguresTable title="app.programme.matrix" testId="programme-matrix">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.programme.field_of_action')}</TableCell>
              {matrix.bezirke.map((b) => (
                <TableCell key={b.id} align="right">
                  {b.name}
                </TableCell>
              ))}
              <TableCell align="right">{translate('app.programme.city')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {matrix.rows.map((r) => (
              <TableRow key={r.fieldOfAction}>
                <TableCell component="th" scope="row">
                  {translate(`app.field_of_action.${r.fieldOfAction}`)}
                </TableCell>
                {r.cells.map((c, i) => (
                  <Cell key={matrix.bezirke[i]?.id ?? i} cell={c} />
                ))}
                <Cell cell={r.total} />
              </TableRow>
            ))}
            <TableRow>
              <TableCell component="th" scope="row">
                {translate('app.programme.all_fields')}
              </TableCell>
              {matrix.totals.map((c, i) => (
                <Cell key={matrix.bezirke[i]?.id ?? i} cell={c} />
              ))}
              <Cell cell={matrix.all} />
            </TableRow>
          </TableBody>
      </FiguresTable>
      <Typography variant="body2">
        {translate('app.programme.measures_in_year', { smart_count: figures.measures })} {translate('app.programme.matrix_hint')}
      </Typography>
      {matrix.crowded.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3">
            {translate('app.programme.crowded', { from: matrix.crowdedFrom })}
          </Typography>
          <ul>
            {matrix.crowded.map((c) => (
              <li key={`${c.label}-${c.bezirk}`}>
                {c.bezirk}, {c.label}: {c.measures.map((m) => `${m.title} (${m.providerName})`).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      <FiguresTable title="app.programme.funding" testId="programme-funding">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.programme.field_of_action')}</TableCell>
              {funding.levels.map((l) => (
                <TableCell key={l.key} align="right">
                  {translate(`app.funder_level.${l.key}`)}
                </TableCell>
              ))}
              <TableCell align="right">{translate('app.programme.sum')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...funding.rows, { fieldOfAction: null, amounts: funding.totals, total: funding.all }].map((r) => (
              <TableRow key={r.fieldOfAction ?? 'alle'}>
                <TableCell component="th" scope="row">
                  {r.fieldOfAction ? translate(`app.field_of_action.${r.fieldOfAction}`) : translate('app.programme.all_fields')}
                </TableCell>
                {r.amounts.map((a, i) => (
                  <TableCell key={funding.levels[i]?.key ?? i} align="right">
                    {a === 0 ? '–' : f.euro(a)}
                  </TableCell>
                ))}
                <TableCell align="right">{r.total === 0 ? '–' : f.euro(r.total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
      </FiguresTable>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.programme.coordinations')}
      </Typography>
      {coordinations.coordinated.length === 0 ? (
        <Typography variant="body2">{translate('app.programme.no_coordinations')}</Typography>
      ) : (
        <ul data-testid="programme-coordinations">
          {coordinations.coordinated.map((c) => (
            <li key={`${c.decidedOn}-${c.measureTitle}-${c.otherTitle}`}>
              {f.date(c.decidedOn)}: „{c.measureTitle}“ – „{c.otherTitle}“: {translate(`app.coordination.decision_${c.decision}`)}
              {c.agreement ? ` (${c.agreement})` : ''} ·{' '}
              {c.followUpDone === null ? translate('app.coordination.follow_up_open') : translate(c.followUpDone ? 'app.coordination.done_yes' : 'app.coordination.done_no')}
            </li>
          ))}
        </ul>
      )}
      {coordinations.notNeeded > 0 && <Typography variant="body2">{translate('app.programme.not_needed', { smart_count: coordinations.notNeeded })}</Typography>}
    </>
  );
}
