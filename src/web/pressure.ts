/**
 * Load shedding with @fastify/under-pressure: every `PRESSURE_SAMPLE_MS` the plugin samples the event loop's
 * mean delay, its utilisation over the interval and the V8 heap; while one is over its threshold (config.ts,
 * 0 = off) every request answers 503 with `Retry-After` and the usual page (JSON under /api) instead of queueing
 * behind the others. Exempt: /healthz and /readyz (they report the pressure; health.api.ts) and /static/ (the busy
 * page's own stylesheet). A micro-cache hit (public-cache.ts) is answered in the hook before this one: it costs
 * about what a 503 would.
 */
import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { ServiceBusy } from '../platform/errors.js';

/** What /healthz and /readyz report. */
export interface PressureReport {
  underPressure: boolean;
  /** Mean delay over the last sample; null when the loop was blocked for all of it (no sample at all). */
  eventLoopDelayMs: number | null;
  eventLoopUtilization: number;
  heapUsedMb: number;
  rssMb: number;
}

const exempt = (url: string) =>
  url === '/healthz' ||
  url === '/readyz' ||
  url.startsWith('/healthz?') ||
  url.startsWith('/readyz?') ||
  url.startsWith('/static/');

/** The heap threshold in bytes: the configured one, or 90 % of V8's heap limit when unset; 0 = off. */
export function heapThresholdBytes(maxHeapMb: number | undefined): number {
  return maxHeapMb === undefined
    ? Math.floor(getHeapStatistics().heap_size_limit * 0.9)
    : maxHeapMb * 2 ** 20;
}

export async function registerPressure(app: FastifyInstance, config: Config['pressure']): Promise<void> {
  let shed = 0;
  let lastLog = 0;
  // Building the app blocks the loop, so the first samples after start read as pressure: shedding is armed two
  // samples after the app is ready, and a node that has just started serves its first visitors.
  let armedAt = Infinity;
  app.addHook('onReady', async () => {
    armedAt = Date.now() + 2 * config.sampleMs;
  });
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    maxEventLoopUtilization: config.maxEventLoopUtilization,
    // Over the last interval, not since start (the plugin's default), so the figure falls back when load does.
    eventLoopUtilizationMode: 'interval',
    maxHeapUsedBytes: heapThresholdBytes(config.maxHeapMb),
    sampleInterval: config.sampleMs,
    pressureHandler: (request: FastifyRequest, _reply, type, value) => {
      if (exempt(request.url) || Date.now() < armedAt) return undefined;
      shed++;
      const now = Date.now();
      if (now - lastLog >= 10_000) {
        // One line per ten seconds at most: a line per refused request would add to the load being shed.
        request.log.warn({ type, value, shedSinceLastLine: shed }, 'under pressure: answering 503');
        lastLog = now;
        shed = 0;
      }
      return Promise.reject(new ServiceBusy(config.retryAfterSeconds));
    },
  });
}

export function pressureOf(app: FastifyInstance): PressureReport {
  const m = app.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return {
    underPressure: app.isUnderPressure(),
    eventLoopDelayMs: Number.isFinite(m.eventLoopDelay) ? Math.round(m.eventLoopDelay * 10) / 10 : null,
    eventLoopUtilization: Math.round(m.eventLoopUtilized * 1000) / 1000,
    heapUsedMb: mb(m.heapUsed),
    rssMb: mb(m.rssBytes),
  };
}
