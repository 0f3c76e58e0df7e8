/**
 * Durations as VizTracer writes them (`--min_duration 0.2ms`): "<number>[s|ms|us|ns]", where a
 * bare number means microseconds. Returns integer nanoseconds (rounded to the nearest ns).
 */
import { VizTracerError } from './viztracer-error.js';

const UNIT_NS = { s: 1_000_000_000, ms: 1_000_000, us: 1_000, ns: 1 } as const;
const PATTERN = /^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*(s|ms|us|ns)?$/i;

export function parseDuration(value: string | number): bigint {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = PATTERN.exec(text);
  if (!match || Math.abs(Number(match[2] ?? 0)) > 30) {
    throw new VizTracerError(
      'INVALID_OPTION',
      `invalid duration ${JSON.stringify(typeof value === 'string' ? value : String(value))}: expected <number>[s|ms|us|ns], e.g. "0.2ms" (no unit = µs)`,
    );
  }
  const unit = (match[3]?.toLowerCase() ?? 'us') as keyof typeof UNIT_NS;
  return decimalToNs(match[1]!, Number(match[2] ?? 0), UNIT_NS[unit]);
}

/** Exact decimal arithmetic: "0.1ms" is 100000 ns, not 99999.99... */
function decimalToNs(digits: string, exponent: number, unitNs: number): bigint {
  const [whole = '', fraction = ''] = digits.split('.');
  const scaled = BigInt((whole || '0') + fraction) * BigInt(unitNs);
  const scale = fraction.length - exponent; // value in ns = scaled * 10^-scale
  if (scale <= 0) return scaled * 10n ** BigInt(-scale);
  const divisor = 10n ** BigInt(scale);
  const quotient = scaled / divisor;
  return (scaled % divisor) * 2n >= divisor ? quotient + 1n : quotient;
}
