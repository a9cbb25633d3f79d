import type { CoordinationDecision } from '../measure-coordination/forms';
import type { FieldOfAction, FundingLine } from '../measure-coordination/vocabulary';

// The contract between the programme's workflow, its activities, its report sections and the console.

/** A Stadtbezirk, the matrix's column: a measure in one of its Stadtteile counts for it. */
export interface Bezirk {
  id: string;
  name: string;
}

/** A measure running in the report's year, as the sections read it. */
export interface ProgrammeMeasure {
  id: string;
  title: string;
  providerName: string;
  fieldOfAction: FieldOfAction;
  /** The Stadtbezirke it is offered in, each once, whether named itself or by a Stadtteil. */
  bezirkIds: string[];
  participantsPerYear: number | null;
  fundingLines: FundingLine[];
}

/** The registry as it stands for one year: what every section compiles its figures from. */
/** A coordination of two measures decided in the year (workflows/measure-coordination/, measure_coordinations). */
export interface ProgrammeCoordination {
  /** YYYY-MM-DD, Berlin time. */
  decidedOn: string;
  decision: CoordinationDecision;
  measureTitle: string;
  otherTitle: string;
  reason: string;
  agreement: string;
  /** Null while the follow-up is to come. */
  followUpDone: boolean | null;
  /** False: looked at and found not worth coordinating (no approval, nobody asked). */
  coordinated: boolean;
}

export interface ProgrammeYear {
  year: number;
  bezirke: Bezirk[];
  measures: ProgrammeMeasure[];
  coordinations: ProgrammeCoordination[];
}

export interface MatrixCell {
  measures: number;
  /** Of the measures that report them; a measure without a number adds none. */
  participants: number;
}

export interface MatrixRow {
  fieldOfAction: FieldOfAction;
  label: string;
  /** One per Stadtbezirk, in the columns' order. */
  cells: MatrixCell[];
  /** The field's measures, each once, however many Stadtbezirke it serves. */
  total: MatrixCell;
}

/** Several offers of one field in one Stadtbezirk: where coordination may be worth it. */
export interface CrowdedCell {
  label: string;
  bezirk: string;
  measures: { title: string; providerName: string }[];
}

export interface MatrixSection {
  bezirke: Bezirk[];
  rows: MatrixRow[];
  /** Per Stadtbezirk: its measures, each once. */
  totals: MatrixCell[];
  all: MatrixCell;
  /** Field × Stadtbezirk without any measure. */
  gaps: number;
  crowdedFrom: number;
  crowded: CrowdedCell[];
  withoutParticipants: number;
}

export interface FundingRow {
  fieldOfAction: FieldOfAction;
  label: string;
  /** Euros in the year, one per funder level in the columns' order. */
  amounts: number[];
  total: number;
}

export interface FundingSection {
  levels: { key: string; label: string }[];
  rows: FundingRow[];
  totals: number[];
  all: number;
  programmes: { level: string; programme: string; measures: number; amount: number }[];
  withoutFunding: number;
}
