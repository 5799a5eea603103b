package com.mspscorecard.importing.csv;

/** Told how many data rows have been read so far, every few rows and once at the end. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = rows -> {
    };

    void rowsRead(long rows);
}
