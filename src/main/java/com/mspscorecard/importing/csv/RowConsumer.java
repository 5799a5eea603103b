package com.mspscorecard.importing.csv;

import java.util.List;

/** Receives each data row in file order, with its errors (empty when the row is valid). */
@FunctionalInterface
public interface RowConsumer {

    void accept(CsvRow row, List<CellError> errors);
}
