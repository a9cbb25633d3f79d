import dagre from '@dagrejs/dagre';
import { Box } from '@mui/material';
import { useMemo } from 'react';

// A procedure's steps drawn as a graph: laid out by dagre, drawn as SVG. The drawing is for the
// eye (aria-hidden, nothing in it focusable); the page beside it says the same as a list, with
// the links, for screen readers and the keyboard.

export type Tone = 'done' | 'current' | 'ahead' | 'busy' | 'quiet';

export interface DiagramNode {
  key: string;
  /** A small word above the label: what kind of step it is. */
  kind: string;
  label: string;
  /** Further lines under the label (who and when, how many wait there). */
  lines: string[];
  tone: Tone;
  isEnd?: boolean;
  /** Clicking the node opens this (a child procedure); the list beside has the same as a link. */
  onOpen?: () => void;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
}

const NODE_WIDTH = 184;
const END_WIDTH = 150;
const CHARS_PER_LINE = 24;
const LINE = 16;
const PAD = 10;

/** Wraps text at spaces into lines of about `width` characters (SVG text does not wrap itself). */
export function wrap(text: string, width = CHARS_PER_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const tones: Record<Tone, { fill: string; stroke: string; text: string; width: number; dash?: string }> = {
  done: { fill: '#e8f5e9', stroke: '#2e7d32', text: '#1b3d1f', width: 1.5 },
  current: { fill: '#e3f2fd', stroke: '#0d47a1', text: '#0d2a57', width: 3.5 },
  ahead: { fill: '#ffffff', stroke: '#8a8a8a', text: '#424242', width: 1.2, dash: '5 4' },
  busy: { fill: '#e3f2fd', stroke: '#0d47a1', text: '#0d2a57', width: 3 },
  quiet: { fill: '#ffffff', stroke: '#607d8b', text: '#263238', width: 1.2 },
};

interface Placed {
  node: DiagramNode | null;
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  labelLines: string[];
}

function layout(nodes: DiagramNode[], edges: DiagramEdge[], startLabel: string) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 40, edgesep: 10, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  const placed = new Map<string, Omit<Placed, 'x' | 'y'>>();
  placed.set('start', { node: null, key: 'start', width: 64, height: 30, labelLines: [startLabel] });
  for (const n of nodes) {
    const width = n.isEnd ? END_WIDTH : NODE_WIDTH;
    const chars = n.isEnd ? CHARS_PER_LINE - 5 : CHARS_PER_LINE;
    const labelLines = wrap(n.label, chars);
    const lines = n.lines.flatMap((l) => wrap(l, chars + 2));
    placed.set(n.key, { node: n, key: n.key, width, height: PAD * 2 + 13 + (labelLines.length + lines.length) * LINE, labelLines });
  }
  for (const [key, p] of placed) g.setNode(key, { width: p.width, height: p.height });
  edges.forEach((e, i) => {
    const labelLines = e.label ? wrap(e.label, 22) : [];
    g.setEdge({ v: e.from, w: e.to, name: String(i) }, { width: labelLines.length ? Math.max(...labelLines.map((l) => l.length)) * 6.2 + 8 : 0, height: labelLines.length * 13, labelpos: 'c' });
  });
  dagre.layout(g);
  const boxes: Placed[] = [...placed.values()].map((p) => {
    const at = g.node(p.key);
    return { ...p, x: (at.x ?? 0) - p.width / 2, y: (at.y ?? 0) - p.height / 2 };
  });
  const lines = edges.map((e, i) => {
    const at = g.edge({ v: e.from, w: e.to, name: String(i) });
    return { edge: e, points: at.points ?? [], labelX: at.x, labelY: at.y, labelLines: e.label ? wrap(e.label, 22) : [] };
  });
  const graph = g.graph();
  return { boxes, lines, width: graph.width ?? 0, height: graph.height ?? 0 };
}

function pathOf(points: { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points as [{ x: number; y: number }, ...{ x: number; y: number }[]];
  return `M${first.x},${first.y}${rest.map((p) => ` L${p.x},${p.y}`).join('')}`;
}

/** The steps top to bottom as the drawing places them (left to right within a row): the order a person reads them in. */
export function drawnOrder(nodes: { key: string; label: string; isEnd?: boolean }[], edges: DiagramEdge[]): string[] {
  const { boxes } = layout(
    nodes.map((n) => ({ key: n.key, label: n.label, kind: '', lines: [], tone: 'quiet', isEnd: n.isEnd })),
    edges,
    '',
  );
  return boxes
    .filter((b) => b.node)
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((b) => b.key);
}

export function StepDiagram({ nodes, edges, startLabel, testId }: { nodes: DiagramNode[]; edges: DiagramEdge[]; startLabel: string; testId?: string }) {
  const drawn = useMemo(() => layout(nodes, edges, startLabel), [nodes, edges, startLabel]);
  return (
    // min-width 0: a flex item would otherwise be as wide as the drawing's own coordinates.
    <Box sx={{ width: '100%', minWidth: 0, overflow: 'hidden' }} data-testid={testId}>
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox={`0 0 ${Math.ceil(drawn.width)} ${Math.ceil(drawn.height)}`}
        width="100%"
        style={{ maxWidth: Math.ceil(drawn.width) * 1.1, minWidth: 0, display: 'block', margin: '0 auto', fontFamily: 'Roboto, Helvetica, Arial, sans-serif' }}
      >
        <defs>
          <marker id="step-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#546e7a" />
          </marker>
        </defs>
        {drawn.lines.map(({ points, labelX, labelY, labelLines }, i) => (
          <g key={`e${i}`}>
            <path d={pathOf(points)} fill="none" stroke="#78909c" strokeWidth={1.3} markerEnd="url(#step-arrow)" />
            {labelLines.length > 0 && labelX !== undefined && labelY !== undefined && (
              <g>
                <rect
                  x={labelX - (Math.max(...labelLines.map((l) => l.length)) * 6.2 + 8) / 2}
                  y={labelY - (labelLines.length * 13) / 2 - 2}
                  width={Math.max(...labelLines.map((l) => l.length)) * 6.2 + 8}
                  height={labelLines.length * 13 + 4}
                  fill="#ffffff"
                  opacity={0.9}
                />
                {labelLines.map((l, j) => (
                  <text key={j} x={labelX} y={labelY - (labelLines.length * 13) / 2 + 10 + j * 13} textAnchor="middle" fontSize={11} fill="#37474f">
                    {l}
                  </text>
                ))}
              </g>
            )}
          </g>
        ))}
        {drawn.boxes.map((b) => {
          if (!b.node) {
            return (
              <g key={b.key}>
                <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={15} fill="#37474f" />
                <text x={b.x + b.width / 2} y={b.y + 20} textAnchor="middle" fontSize={12} fill="#ffffff" fontWeight={600}>
                  {b.labelLines[0]}
                </text>
              </g>
            );
          }
          const n = b.node;
          const tone = tones[n.tone];
          const extra = n.lines.flatMap((l) => wrap(l, (n.isEnd ? CHARS_PER_LINE - 5 : CHARS_PER_LINE) + 2));
          return (
            <g
              key={b.key}
              data-step={n.key}
              data-state={n.tone}
              onClick={n.onOpen}
              style={n.onOpen ? { cursor: 'pointer' } : undefined}
            >
              <rect
                x={b.x}
                y={b.y}
                width={b.width}
                height={b.height}
                rx={n.isEnd ? b.height / 2 > 22 ? 22 : b.height / 2 : 6}
                fill={tone.fill}
                stroke={tone.stroke}
                strokeWidth={tone.width}
                strokeDasharray={tone.dash}
              />
              <text x={b.x + PAD} y={b.y + PAD + 9} fontSize={10.5} fill={tone.text} style={{ textTransform: 'uppercase', letterSpacing: 0.4 }}>
                {n.kind}
              </text>
              {b.labelLines.map((l, i) => (
                <text key={`l${i}`} x={b.x + PAD} y={b.y + PAD + 13 + (i + 1) * LINE - 3} fontSize={13} fontWeight={600} fill={tone.text}>
                  {l}
                </text>
              ))}
              {extra.map((l, i) => (
                <text key={`x${i}`} x={b.x + PAD} y={b.y + PAD + 13 + (b.labelLines.length + i + 1) * LINE - 3} fontSize={12} fill={tone.text}>
                  {l}
                </text>
              ))}
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
