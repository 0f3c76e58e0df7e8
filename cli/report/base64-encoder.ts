/**
 * A Transform from bytes to base64 text, chunk by chunk: each chunk is cut at a multiple of three
 * bytes so the pieces concatenate to one valid base64 string without padding in the middle.
 */
import { Transform, type TransformCallback } from 'node:stream';

export function base64Encoder(): Transform {
  let carry: Buffer = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const whole = bytes.length - (bytes.length % 3);
      carry = Buffer.from(bytes.subarray(whole));
      if (whole > 0) this.push(bytes.subarray(0, whole).toString('base64'));
      done();
    },
    flush(done: TransformCallback): void {
      if (carry.length > 0) this.push(carry.toString('base64'));
      done();
    },
  });
}
