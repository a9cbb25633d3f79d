import type { IndicatorDirection } from './schema';

// The contract between the monitoring workflow, its activities and the API.

/** One value a department is asked for: an indicator in one breakdown. */
export interface PlannedField {
  /** The answer form's field key: indicator key and breakdown key. */
  field: string;
  indicatorId: string;
  indicatorKey: string;
  indicatorName: string;
  disaggregation: string;
  disaggregationLabel: string;
  unit: string;
  plausibleMin: number | null;
  plausibleMax: number | null;
}

export interface DepartmentPlan {
  departmentId: string;
  departmentName: string;
  fields: PlannedField[];
}

/** A value to store for the quarter, from a department's answer or from staff's clarification. */
export interface CollectedValue {
  indicatorId: string;
  disaggregation: string;
  value: number | null;
  comment: string | null;
  source: 'department' | 'clarification';
}

/** A field staff must clarify: no value came, or one outside the plausible range. */
export interface OpenField extends PlannedField {
  departmentName: string;
  reason: 'missing' | 'out_of_range';
  reported: number | null;
  departmentComment: string | null;
}

export type Trend = 'improving' | 'worsening' | 'unchanged';

export interface Change {
  absolute: number;
  /** Null when the earlier value was 0: no percentage of nothing. */
  percent: number | null;
  trend: Trend;
}

/** One indicator breakdown's quarter next to the previous quarter and the same quarter a year before. */
export interface ComparisonRow {
  indicatorId: string;
  indicatorKey: string;
  indicatorName: string;
  description: string;
  unit: string;
  direction: IndicatorDirection;
  departmentName: string;
  disaggregation: string;
  disaggregationLabel: string;
  value: number | null;
  comment: string | null;
  source: string | null;
  previous: number | null;
  lastYear: number | null;
  changePrevious: Change | null;
  changeLastYear: Change | null;
}
