/**
 * CSV import of monthly snapshots: upload, preview, all-or-nothing commit, history and export.
 * <p>
 * Pages under {@code /imports}, the API {@code POST /api/v1/imports} and {@code GET /api/v1/exports/snapshots.csv}.
 * The module writes no table of another module: snapshots go through metrics' bulk writer
 * ({@link com.mspscorecard.metrics.SnapshotBulkWriter}, COPY), missing clients through
 * {@link com.mspscorecard.clients.NewClients}, and stored snapshots are read through
 * {@link com.mspscorecard.metrics.SnapshotQueries}. It exposes no types to other modules.
 * <p>
 * Raw PSA exports (tickets, invoices, time entries; issue 15) are read and aggregated by
 * {@code importing.raw} and go through the same preview and commit ({@code Psa*} classes here): the
 * module also writes its own {@code psa_source}, {@code psa_layout}, {@code psa_alias},
 * {@code psa_unmatched}, {@code psa_source_client} and {@code psa_ticket} (V27).
 */
package com.mspscorecard.importing;
