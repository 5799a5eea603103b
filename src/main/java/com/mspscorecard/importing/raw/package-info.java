/**
 * Reading raw PSA exports (tickets, invoices, time entries as CSV or .xlsx) and aggregating them into monthly
 * figures per PSA client. Pure Java over a file on disk: no Spring bean, no database.
 * <p>
 * {@link com.mspscorecard.importing.raw.RawExportReader} opens a file by its content and streams its rows;
 * {@link com.mspscorecard.importing.raw.Layouts} recognises the layout from the header;
 * {@link com.mspscorecard.importing.raw.DateOrderDetection} tells the date order or says it cannot;
 * {@link com.mspscorecard.importing.raw.Aggregation} makes one pass and returns
 * {@link com.mspscorecard.importing.raw.AggregationResult}. Every problem is a message code of
 * {@code messages/psa-reading} with its arguments. Matching clients and writing snapshots is the caller's job.
 */
package com.mspscorecard.importing.raw;
