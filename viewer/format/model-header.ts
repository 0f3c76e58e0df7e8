/** The header of a binary trace: counts, how each time column is stored, and the small tables. */
import type { ContainerHeader } from './container.js';
import type { TrackInfo } from '../model/trace-model.js';

/** 'ns' = integer-ns zigzag varint deltas (exact); 'f64' = raw float64 (any other value). */
export type TimeEncoding = 'ns' | 'f64';

export interface ModelHeader extends ContainerHeader {
  slices: number;
  instants: number;
  flows: number;
  /** Slices / instants that have args (the varint pair lists' lengths). */
  sliceArgs: number;
  instantArgs: number;
  /** Entries of the args table. */
  args: number;
  origin: number;
  /** The origin in whole ns; null when it is not whole (every relative time is then float64). */
  originNs: number | null;
  span: number;
  times: { start: TimeEncoding; dur: TimeEncoding; instants: TimeEncoding; counters: TimeEncoding };
  tracks: TrackInfo[];
  counters: { name: string; track: number; count: number; min: number; max: number }[];
  warnings: string[];
  metadata: Record<string, unknown> | null;
}
