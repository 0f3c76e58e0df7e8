/** Starting the vizviewer server on its port, with one clear line for the usual failures. */
import type http from 'node:http';
import { VizTracerError } from '../../runtime/viztracer-error.js';

/** Listens; a port in use or a bad host is one clear VizTracerError. Resolves to the bound port. */
export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      const where = `port ${port} on ${host}`;
      const text =
        e.code === 'EADDRINUSE' ? `${where} is in use (try --port 0 or another port)`
        : e.code === 'EACCES' ? `${where} needs privileges (try a port above 1023)`
        : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? `--host ${host}: not an address of this machine`
        : `cannot listen on ${where}: ${e.message}`;
      reject(new VizTracerError('INVALID_OPTION', text));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
