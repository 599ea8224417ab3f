import { meetsBudget, type Budget, type LatencyFigure } from '../suites/types';
import { summarize } from './stats';

export interface LatencyFigureInput {
  id: string;
  label: string;
  budget: Budget;
  method: string;
  samplesMs: readonly number[];
  baselineLabel: string;
  baselineSamplesMs: readonly number[];
  notes?: string[];
}

export function latencyFigure(input: LatencyFigureInput): LatencyFigure {
  const stats = summarize(input.samplesMs);
  if (input.budget.stat === 'ratio') throw new Error(`${input.id}: a latency budget must be on a percentile`);
  return {
    kind: 'latency',
    id: input.id,
    label: input.label,
    budget: input.budget,
    pass: meetsBudget(input.budget, stats[input.budget.stat]),
    method: input.method,
    stats,
    baseline: { label: input.baselineLabel, stats: summarize(input.baselineSamplesMs) },
    ...(input.notes && input.notes.length > 0 ? { notes: input.notes } : {}),
  };
}
