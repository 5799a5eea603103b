package com.mspscorecard.importing;

import com.mspscorecard.importing.csv.CsvDialectOverrides;

/** What the user chose for one import: the dialect parts they corrected, and whether unknown clients are created. */
record ImportOptions(CsvDialectOverrides overrides, boolean createMissingClients) {

    ImportOptions {
        overrides = overrides == null ? CsvDialectOverrides.none() : overrides;
    }

    static ImportOptions defaults(boolean createMissingClients) {
        return new ImportOptions(CsvDialectOverrides.none(), createMissingClients);
    }

    /** Stable text, part of the preview's fingerprint: the same file read another way is another preview. */
    String describe() {
        return "enc=" + overrides.encoding() + ";delim=" + overrides.delimiter() + ";dec=" + overrides.decimalSeparator()
                + ";month=" + overrides.monthFormat() + ";create=" + createMissingClients;
    }
}
