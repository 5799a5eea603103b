/**
 * Monthly metrics per client. Other modules read snapshots through
 * {@link com.mspscorecard.metrics.SnapshotQueries}. Only this module writes {@code monthly_snapshot}:
 * {@link com.mspscorecard.metrics.SnapshotWriter} for a form, the grid and the API (audited field
 * by field), {@link com.mspscorecard.metrics.SnapshotBulkWriter} by COPY for an import and the
 * demo. Writes publish {@link com.mspscorecard.metrics.SnapshotsChanged} inside their transaction
 * (the demo portfolio instead runs a full rescore). Every value is checked by
 * {@link com.mspscorecard.metrics.SnapshotRules}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monthly metrics")
package com.mspscorecard.metrics;
