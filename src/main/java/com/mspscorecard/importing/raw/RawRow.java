package com.mspscorecard.importing.raw;

import java.util.List;

/**
 * One data row of a raw export.
 *
 * @param line  the line (CSV) or row (xlsx) number a person sees when opening the file, 1-based
 * @param cells the cells, as text; an xlsx date is written {@code yyyy-MM-dd} (with {@code THH:mm:ss} when
 *              it has a time), an xlsx number as plain digits with a decimal point
 */
public record RawRow(long line, List<String> cells) {

    /** The cell at {@code column}, or an empty string past the end of a short row. */
    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
