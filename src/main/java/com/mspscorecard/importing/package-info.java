/**
 * CSV import of monthly snapshots: upload, preview, all-or-nothing commit, history and export.
 * <p>
 * Pages under {@code /imports}, the API {@code POST /api/v1/imports} and {@code GET /api/v1/exports/snapshots.csv}.
 * The module writes no table of another module: snapshots go through metrics' bulk writer
 * ({@link com.mspscorecard.metrics.SnapshotBulkWriter}, COPY), missing clients through
 * {@link com.mspscorecard.clients.NewClients}, and stored snapshots are read through
 * {@link com.mspscorecard.metrics.SnapshotQueries}. It exposes no types to other modules.
 */
package com.mspscorecard.importing;
