/**
 * Trace bytes as received → TraceModel, whatever they are: gzip is undone first (a cut-off .gz
 * keeps what decompressed, with a warning), then a binary trace (viewer/format/, written by
 * vizviewer and the report writer) is unpacked, and anything else is scanned as Chrome-trace JSON.
 */
import { decodeModel } from '../format/decode-model.js';
import { isBinaryTrace } from '../format/container.js';
import { loadTrace } from '../model/load-trace.js';
import type { TraceModel } from '../model/trace-model.js';
import { maybeGunzip } from './decode-bytes.js';

export type TraceFormat =
  | 'binary' // columns converted by vizviewer / the report writer
  | 'json'; // Chrome-trace JSON from any producer

export async function openTraceBytes(bytes: Uint8Array): Promise<{ model: TraceModel; format: TraceFormat }> {
  const warnings: string[] = [];
  const plain = await maybeGunzip(bytes, (w) => warnings.push(w));
  const binary = isBinaryTrace(plain);
  const model = binary ? decodeModel(plain) : loadTrace(plain);
  model.warnings.unshift(...warnings);
  return { model, format: binary ? 'binary' : 'json' };
}
