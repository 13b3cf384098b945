import { kafkaConsumer } from '@aws-lambda-powertools/kafka';
import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import {
  METRICS,
  type QuarantineStore,
  type StagedUserStore,
  type StageRecordsReport,
  stageRecords,
} from '@hashbridge/core';
import type { Context, MSKEvent } from 'aws-lambda';
import { LoaderBatchError } from '../errors.js';

interface LoaderDependencies {
  readonly store: StagedUserStore;
  readonly quarantine: QuarantineStore;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  readonly reportBatchItemFailures?: boolean;
  readonly concurrency?: number;
  /** Days a quarantined record is kept before DynamoDB's TTL deletes it. @default 30 */
  readonly retentionDays?: number;
  /** Called with each batch's report (the local event source sums them for its summary). */
  readonly onReport?: (report: StageRecordsReport) => void;
}

/** MSK's partial-batch answer (provisioned mode with ReportBatchItemFailures). */
interface MskBatchResponse {
  readonly batchItemFailures: readonly {
    readonly itemIdentifier: { readonly partition: string; readonly offset: number };
  }[];
}

const publishMetrics = (metrics: Metrics | undefined, report: StageRecordsReport): void => {
  if (metrics === undefined) return;
  metrics.addMetric(METRICS.loader.recordsStaged, MetricUnit.Count, report.staged);
  metrics.addMetric(METRICS.loader.recordsStale, MetricUnit.Count, report.stale);
  metrics.addMetric(METRICS.loader.recordsQuarantined, MetricUnit.Count, report.quarantined);
  metrics.addMetric(METRICS.loader.recordsFailed, MetricUnit.Count, report.failed.length);
  metrics.publishStoredMetrics();
};

/**
 * The Loader Lambda: Powertools' Kafka consumer decodes the MSK event (base64 keys and values to text,
 * lazily, so one undecodable record cannot fail the others), then `stageRecords` stages or quarantines each
 * record. Transient failures fail the invocation, so the event source delivers the batch again — or, with
 * `reportBatchItemFailures`, only the failed records are named for redelivery.
 */
const createLoaderHandler = (dependencies: LoaderDependencies) =>
  kafkaConsumer<unknown, unknown>(
    async (event, context: Context): Promise<MskBatchResponse | undefined> => {
      const report = await stageRecords(event.records, {
        store: dependencies.store,
        quarantine: dependencies.quarantine,
        ...(dependencies.concurrency === undefined ? {} : { concurrency: dependencies.concurrency }),
        ...(dependencies.retentionDays === undefined ? {} : { retentionDays: dependencies.retentionDays }),
      });
      dependencies.logger.info('batch handled', {
        requestId: context.awsRequestId,
        records: event.records.length,
        staged: report.staged,
        stale: report.stale,
        quarantined: report.quarantined,
        failed: report.failed.length,
      });
      publishMetrics(dependencies.metrics, report);
      dependencies.onReport?.(report);
      if (report.failed.length === 0) return undefined;

      for (const { record, error } of report.failed) {
        dependencies.logger.warn('record not staged, will be delivered again', {
          topic: record.topic,
          partition: record.partition,
          offset: record.offset,
          errorName: error instanceof Error ? error.name : typeof error,
        });
      }
      if (dependencies.reportBatchItemFailures === true) {
        return {
          batchItemFailures: report.failed.map(({ record }) => ({
            itemIdentifier: { partition: `${record.topic}-${record.partition}`, offset: record.offset },
          })),
        };
      }
      throw new LoaderBatchError(
        `${report.failed.length} of ${event.records.length} records were not staged; the batch will be retried`,
        {
          cause: report.failed[0]?.error,
        },
      );
    },
    // No schema config: values stay text, and @hashbridge/core parses the JSON, because Powertools' JSON
    // deserializer logs an undecodable value, and a message's value holds a password hash.
  ) as (event: MSKEvent, context: Context) => Promise<MskBatchResponse | undefined>;

export type { LoaderDependencies, MskBatchResponse };
export { createLoaderHandler };
