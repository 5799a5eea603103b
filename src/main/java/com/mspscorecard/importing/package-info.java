/**
 * CSV import of monthly snapshots: upload, preview, all-or-nothing commit, history and export.
 * <p>
 * Pages under {@code /imports}, the API {@code POST /api/v1/imports} and {@code GET /api/v1/exports/snapshots.csv}.
 * The module writes {@code monthly_snapshot} rows itself with JDBC batch upserts and publishes
 * {@link com.mspscorecard.metrics.SnapshotsChanged} once per commit. It exposes no types to other modules.
 */
package com.mspscorecard.importing;
