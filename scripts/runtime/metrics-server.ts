import http from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { RunningHttpServer } from '../../api/http-server.js';

/**
 * Serves a registry at `/metrics` on a port of its own (Prometheus text format): the API's and the
 * worker's metrics stay off the public origin, reachable only where the operator opens that port.
 */
export function serveMetrics(registry: Registry, port: number, host: string, logger: Pick<Logger, 'error'>): Promise<RunningHttpServer> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('only GET /metrics here\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      (error: Error) => {
        logger.error({ err: error.message }, 'collecting metrics failed');
        response.writeHead(500, { 'Content-Type': 'text/plain' }).end('collecting metrics failed\n');
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as { port: number };
      resolve({
        url: `http://${host}:${bound}/metrics`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
