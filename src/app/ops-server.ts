import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotMetrics } from '../logging/metrics.ts';

export interface HealthChecks {
  gateway: () => boolean;
  store: () => Promise<boolean>;
  index: () => boolean;
}

/**
 * `/healthz` (200 when the gateway is connected, the store answers and the index is loaded; 503 with what is
 * wrong otherwise) and `/metrics` (Prometheus's text format), on a port of its own: off unless METRICS_PORT is
 * set, and on 127.0.0.1 unless METRICS_HOST says otherwise, since the figures are nobody else's business.
 */
export async function startOpsServer(o: { port: number; host: string; metrics: BotMetrics; health: HealthChecks }): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      if (req.url === '/healthz') {
        const store = await o.health.store().catch(() => false);
        const checks = { gateway: o.health.gateway(), store, index: o.health.index() };
        const ok = checks.gateway && checks.store && checks.index;
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok, ...checks }));
        return;
      }
      if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': o.metrics.registry.contentType }).end(await o.metrics.text());
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: /healthz or /metrics\n');
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
