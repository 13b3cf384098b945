export { formatAudit } from './audit/format-audit.js';
export type { RunAuditOptions } from './audit/run-audit.js';
export { runAudit } from './audit/run-audit.js';
export type { AuditReport, LaneCounts, SchemeAudit, Spread } from './audit/types.js';
export type {
  AuditConfig,
  AuditConfigInput,
  FinishConfig,
  FinishConfigInput,
  ImportConfig,
  ImportConfigInput,
  ProducerConfig,
  ProducerConfigInput,
  StatusConfig,
  StatusConfigInput,
} from './config.js';
export {
  resolveAuditConfig,
  resolveFinishConfig,
  resolveImportConfig,
  resolveProducerConfig,
  resolveStatusConfig,
} from './config.js';
export { DEFAULT_BATCH_SIZE, DEFAULT_BATCHES_IN_FLIGHT, DEFAULT_SOURCE, DEFAULT_TOPIC } from './constants.js';
export { ProducerConfigError, ProducerError, RejectThresholdError } from './errors.js';
export { formatFinish } from './finish/format-finish.js';
export type { FinishPorts, RunFinishOptions } from './finish/run-finish.js';
export { runFinish } from './finish/run-finish.js';
export type { FinishReport } from './finish/types.js';
export { formatImport } from './import/format-import.js';
export type { ImportPorts, RunImportOptions } from './import/run-import.js';
export { runImport } from './import/run-import.js';
export type { ImportFileReport, ImportReport } from './import/types.js';
export type { Checkpoint, CheckpointStore } from './run/checkpoint.js';
export { fileCheckpointStore, readCheckpoint } from './run/checkpoint.js';
export type { ProducerPorts, ProducerSummary, RunProducerOptions } from './run/run-producer.js';
export { runProducer } from './run/run-producer.js';
export { formatStatus } from './status/format-status.js';
export type { RunStatusOptions, StatusPorts } from './status/run-status.js';
export { runStatus } from './status/run-status.js';
export type { SchemeStatus, StatusReport } from './status/types.js';
export {
  openImportPorts,
  openLegacySource,
  openProducerPorts,
  openStagingMaintenance,
} from './wiring/open-producer-ports.js';
