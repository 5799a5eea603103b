/**
 * Reading monthly-snapshot CSV files as spreadsheets produce them, and writing them back.
 * <p>
 * Pure Java over bytes and text: guesses the dialect ({@link com.mspscorecard.importing.csv.CsvFormatDetection}),
 * maps the header ({@link com.mspscorecard.importing.csv.ColumnMapping}), and streams validated rows with
 * their errors ({@link com.mspscorecard.importing.csv.CsvReader}). Matching clients and writing snapshots is
 * the caller's job.
 * <p>
 * Every problem ({@link com.mspscorecard.importing.csv.CellError}, {@link com.mspscorecard.importing.csv.CsvFileException})
 * carries a message key of {@code messages/importing.properties} with its arguments, for pages in the reader's
 * language, and the English sentence built from that same key, for the API.
 */
package com.mspscorecard.importing.csv;
