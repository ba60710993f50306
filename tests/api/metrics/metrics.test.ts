import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHttpServer } from '../../../api/http-server.js';
import { startApiMetrics } from '../../../scripts/runtime/api-metrics-server.js';
import { serveMetrics } from '../../../scripts/runtime/metrics-server.js';
import { samplesOf, scrape, type Sample } from '../../support/prometheus-text.js';
import { sdkMetricsAddress } from '../../support/worker-runtime.js';
import { dossierWorkflowType } from '../../../workflows/contract.js';
import { ApiHarness, receiptForm } from '../api-harness.js';

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) => samplesOf(samples, name, labels).reduce((sum, sample) => sum + sample.value, 0);

/**
 * The API's and the worker's /metrics, served as the composition root serves them (ports of their
 * own), while a dossier goes through its receipt step: names, labels, and counters that move.
 */
describe('metrics', () => {
  let api: ApiHarness;
  let apiMetrics: RunningHttpServer;
  let workerMetrics: RunningHttpServer;
  let dossierId: string;
  let failedOnce = false;

  beforeAll(async () => {
    api = await ApiHarness.create({
      // The first projection write fails once (retried by Temporal): an activity failure to count.
      services: () => ({
        afterProjection: () => {
          if (failedOnce) return;
          failedOnce = true;
          throw ApplicationFailure.retryable('the store blinked', 'metrics-test-blink');
        },
      }),
    });
    apiMetrics = await startApiMetrics(api.context, 0, '127.0.0.1', 200);
    workerMetrics = await serveMetrics(api.dossiers.workerMetrics.registry, 0, '127.0.0.1', api.context.logger);
  });
  afterAll(async () => {
    await apiMetrics?.close();
    await workerMetrics?.close();
    await api?.teardown();
  });

  it('times requests by route template and status, and completions from the Update to its answer', async () => {
    const before = await scrape(apiMetrics.url);
    const procedureCode = await api.deploySample();
    dossierId = (await api.submitOnline(procedureCode)).body.dossierId;
    const taskId = await api.openTask(dossierId, 'Task_TiepNhan');
    const officer = await api.token('mot-cua');
    const complete = (formData: object) => api.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { token: officer, json: { formData } });
    expect((await complete({ ...receiptForm, vonKinhDoanh: 'nhiều' })).status).toBe(422);
    expect((await complete(receiptForm)).status).toBe(200);
    expect((await api.request('GET', '/api/no-such-route')).status).toBe(404);

    const after = await scrape(apiMetrics.url);
    const completions = { method: 'POST', route: '/api/tasks/:taskId/complete' };
    const count = 'motcua_http_request_duration_seconds_count';
    expect(value(after, count, { ...completions, status: '200' }) - value(before, count, { ...completions, status: '200' })).toBe(1);
    expect(value(after, count, { ...completions, status: '422' }) - value(before, count, { ...completions, status: '422' })).toBe(1);
    expect(value(after, count, { method: 'POST', route: '/api/dossiers', status: '201' })).toBe(1);
    expect(value(after, count, { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    // Route templates only: no task id or dossier code becomes a label value.
    const routes = new Set(samplesOf(after, count).map((sample) => sample.labels.route!));
    expect([...routes].filter((route) => route.includes(dossierId.slice(0, 10)) || route.includes(taskId))).toEqual([]);
    expect(value(after, 'motcua_http_request_duration_seconds_bucket', { ...completions, status: '200', le: '+Inf' })).toBe(1);

    expect(value(after, 'motcua_task_completion_duration_seconds_count', { result: 'answered' })).toBe(1);
    expect(value(after, 'motcua_task_completion_duration_seconds_count', { result: 'refused' })).toBe(1);
    expect(value(after, 'motcua_task_completion_duration_seconds_sum', { result: 'answered' })).toBeGreaterThan(0);
    expect(samplesOf(after, 'process_cpu_seconds_total')).toHaveLength(1);
  });

  it('refreshes the store figures on its schedule: dossiers by agency and status, overdue work, portal and notification backlogs', async () => {
    const appraisal = await api.openTask(dossierId, 'Task_ThamDinh');
    await api.store.tasks.updateOne({ _id: appraisal }, { $set: { overdue: true } });
    await api.store.dossiers.updateOne({ _id: dossierId }, { $set: { overdue: true } });
    await api.store.portalStatuses.create({ _id: `${dossierId}#waiting`, dossierId, sequence: 99, status: 'processing', receivedAt: new Date(), enqueuedAt: new Date(Date.now() - 60_000), state: 'pending', attempts: 1 });

    // The three writes above can straddle a refresh: wait for one that saw them all.
    let samples: Awaited<ReturnType<typeof scrape>> = [];
    await expect.poll(async () => {
      samples = await scrape(apiMetrics.url);
      return [value(samples, 'motcua_overdue_tasks', { agency: 'ubnd-xa' }), value(samples, 'motcua_overdue_dossiers', { agency: 'ubnd-xa' }), value(samples, 'motcua_portal_sync_pending')];
    }, { timeout: 10_000 }).toEqual([1, 1, 1]);
    const dossiers = samplesOf(samples, 'motcua_dossiers', { agency: 'ubnd-xa' });
    expect(dossiers.reduce((sum, sample) => sum + sample.value, 0)).toBe(1);
    expect(dossiers[0]!.labels.status).toMatch(/^[a-z-]+$/);
    expect(value(samples, 'motcua_portal_sync_failing')).toBe(1);
    expect(value(samples, 'motcua_portal_sync_oldest_pending_seconds')).toBeGreaterThanOrEqual(60);
    expect(samplesOf(samples, 'motcua_portal_sync_lag_seconds').map((sample) => sample.labels.quantile)).toEqual(['0.5', '0.95', '1']);
    expect(samplesOf(samples, 'motcua_notifications_undelivered').map((sample) => sample.labels.state)).toEqual(['pending', 'failing']);
    expect(samplesOf(samples, 'motcua_notifications_oldest_undelivered_seconds')).toHaveLength(1);
    expect(value(samples, 'motcua_store_figures_refreshed_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 10);
    expect(value(samples, 'motcua_store_figures_refresh_failures_total')).toBe(0);
  });

  it('counts activity failures by activity and failure type on the worker, beside the Temporal SDK’s own metrics', async () => {
    const worker = await scrape(workerMetrics.url);
    expect(samplesOf(worker, 'motcua_activity_failures_total', { failure_type: 'metrics-test-blink' })).toEqual([
      { name: 'motcua_activity_failures_total', labels: { activity_type: expect.any(String), failure_type: 'metrics-test-blink' }, value: 1 },
    ]);
    const sdk = await scrape(`http://${sdkMetricsAddress}/metrics`);
    const failedActivity = samplesOf(worker, 'motcua_activity_failures_total', { failure_type: 'metrics-test-blink' })[0]!.labels.activity_type!;
    expect(value(sdk, 'temporal_activity_execution_failed', { activity_type: failedActivity })).toBeGreaterThanOrEqual(1);
    expect(value(sdk, 'temporal_workflow_task_execution_latency_count', { workflow_type: dossierWorkflowType })).toBeGreaterThan(0);
  });

  it('keeps /metrics off the public origin', async () => {
    const response = await api.request('GET', '/metrics');
    expect(response.status).toBe(404);
    expect(JSON.stringify(response.body)).not.toContain('motcua_');
  });
});
