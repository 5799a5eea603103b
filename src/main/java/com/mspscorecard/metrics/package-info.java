/**
 * Monthly metrics per client. Other modules read snapshots through
 * {@link com.mspscorecard.metrics.SnapshotQueries}; every write publishes
 * {@link com.mspscorecard.metrics.SnapshotsChanged} inside its transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monthly metrics")
package com.mspscorecard.metrics;
