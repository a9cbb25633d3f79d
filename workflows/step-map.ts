// A procedure's map: its steps as a small graph, declared in its module (steps.ts) beside the
// workflow it describes. The console draws it; the API marks on it where a procedure stands; a
// test over the recorded histories proves every step the workflow records is on it.

export type StepKind = 'task' | 'approval' | 'consultation' | 'wait' | 'deadline' | 'step' | 'end';

export interface StepNode {
  /**
   * What the workflow records for it: a task's key (rounds "-2", "-3" are the same step), a child
   * procedure's key, a recorded step's or wait's key; for an end, its key names it only.
   */
  key: string;
  /** German, as the map shows it. */
  label: string;
  kind: StepKind;
  /** An end: the outcome it stands for, as the outcome text begins ("Nicht relevant"). */
  outcome?: string;
  /** A step the workflow records under another key (a consultation's reminders: an event kind). */
  event?: string;
  /** Why no recorded run reaches it (npm run histories): the map test accepts it then. */
  notReached?: string;
}

/**
 * Where a four-eyes loop ends that no approver ever took (human-task.ts, notApprovedOutcome): in the
 * map of every procedure with an approval, never reached by a recorded run.
 */
export const notApprovedEnd: StepNode = {
  key: 'nicht-freigegeben',
  label: 'Nach 10 Runden nicht freigegeben',
  kind: 'end',
  outcome: 'Nach 10 Runden',
  notReached: 'zehn abgelehnte Runden nacheinander: im Workflow-Test des Vier-Augen-Kreislaufs geprüft',
};

export interface StepEdge {
  from: string;
  to: string;
  /** The condition, as people say it: "nicht relevant", "abgelehnt → zurück". */
  label?: string;
}

export interface StepMap {
  nodes: StepNode[];
  edges: StepEdge[];
}

/** The map's start: every procedure begins here; edges from it lead to its first step. */
export const START = 'start';

/** A step key as its task's round makes it: "freigabe-2" is the step "freigabe". */
export function stepKeyOf(recordedKey: string): string {
  return recordedKey.replace(/-\d+$/, '');
}

/** The kinds of recorded events that are steps of a map (the rest — a sent request, a mail — are details). */
export const STEP_EVENT_KINDS = ['step', 'task.created', 'deadline.warning', 'request.reminder', 'request.escalation', 'request.no_answer'] as const;

/**
 * The map step a recorded event stands for: a task's creation by its key (without the round), an
 * event of a node that names its kind (a reminder), else a recorded step by its own key.
 */
export function recordedStep(event: { key: string; kind: string }): string | undefined {
  if (!(STEP_EVENT_KINDS as readonly string[]).includes(event.kind)) return undefined;
  if (event.kind === 'task.created') return stepKeyOf(event.key.replace(/^task:/, '').replace(/:created$/, ''));
  if (event.kind.startsWith('request.')) return event.kind;
  return event.key;
}

/**
 * The node a recorded step belongs to: by its key, or by the event kind it names; a child asked in
 * rounds ("uebersetzung-2") is its step's ("uebersetzung") when no node has the round's key.
 */
export function nodeFor(map: StepMap, recorded: string): StepNode | undefined {
  return map.nodes.find((n) => n.key === recorded || n.event === recorded) ?? map.nodes.find((n) => n.key === stepKeyOf(recorded));
}

/** Checks a map as it is written: unique keys, edges between known nodes, every node reachable from the start. */
export function defineSteps(map: StepMap): StepMap {
  const keys = new Set(map.nodes.map((n) => n.key));
  if (keys.size !== map.nodes.length) throw new Error('step map: a key is used twice');
  if (keys.has(START)) throw new Error(`step map: "${START}" is the map's own start`);
  for (const e of map.edges) {
    if (e.from !== START && !keys.has(e.from)) throw new Error(`step map: edge from unknown step ${e.from}`);
    if (!keys.has(e.to)) throw new Error(`step map: edge to unknown step ${e.to}`);
  }
  const reached = new Set<string>([START]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const e of map.edges) {
      if (reached.has(e.from) && !reached.has(e.to)) {
        reached.add(e.to);
        grew = true;
      }
    }
  }
  const unreachable = map.nodes.filter((n) => !reached.has(n.key)).map((n) => n.key);
  if (unreachable.length > 0) throw new Error(`step map: not reachable from the start: ${unreachable.join(', ')}`);
  for (const n of map.nodes) if (n.kind === 'end' && !n.outcome) throw new Error(`step map: the end ${n.key} names no outcome`);
  return map;
}
