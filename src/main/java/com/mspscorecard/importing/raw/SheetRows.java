package com.mspscorecard.importing.raw;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The non-blank rows of one worksheet, pulled from its XML one at a time (StAX): POI's event model without the
 * push, so the rows can be a stream. Cells become text as the CSV path sees it: a date-formatted number becomes
 * {@code yyyy-MM-dd} (or {@code yyyy-MM-ddTHH:mm:ss}), any other number plain digits with a point, a boolean
 * {@code TRUE}/{@code FALSE}. A document type declaration is refused outright (no DTD, no external entity is
 * ever read); a cell longer than Excel allows or beyond its last column is refused as a forged sheet.
 *
 * <p>Slightly over 250 lines: the cell types of SpreadsheetML and the defensive limits belong together, and
 * splitting the pull loop from the cell reading would only pass the XML reader around.
 */
final class SheetRows implements Iterator<RawRow>, AutoCloseable {

    /** Excel's own limits: 32,767 characters in a cell, 16,384 columns. */
    static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_COLUMNS = 16_384;

    private static final XMLInputFactory FACTORY = XMLHelper.newXMLInputFactory();

    private final InputStream in;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private RawRow pending;
    private long lastRow;

    SheetRows(InputStream in, ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904)
            throws XMLStreamException {
        this.in = in;
        this.date1904 = date1904;
        this.strings = strings;
        this.styles = styles;
        this.xml = FACTORY.createXMLStreamReader(in);
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            try {
                pending = nextNonBlank();
            }
            catch (XMLStreamException | RuntimeException ex) {
                if (ex instanceof RawFileException.Unchecked unchecked) {
                    throw unchecked;
                }
                throw new RawFileException.Unchecked(XlsxTable.refusal(ex));
            }
        }
        return pending != null;
    }

    @Override
    public RawRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRow row = pending;
        pending = null;
        return row;
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        }
        catch (XMLStreamException | IOException ex) {
            // Closing a read-only stream: nothing is lost.
        }
    }

    private RawRow nextNonBlank() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new RawFileException.Unchecked(new RawFileException("psa.file.xlsxDoctype"));
            }
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                String r = xml.getAttributeValue(null, "r");
                long line = r != null ? Long.parseLong(r) : lastRow + 1;
                lastRow = line;
                List<String> cells = row();
                if (!cells.isEmpty()) {
                    return new RawRow(line, cells);
                }
            }
        }
        return null;
    }

    /** The cells of the row just started, up to its end tag; empty when every cell is blank. */
    private List<String> row() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        boolean blank = true;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref != null ? column(ref) : cells.size();
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                String value = cell(type, style);
                if (column >= MAX_COLUMNS || column < cells.size()) {
                    throw new RawFileException.Unchecked(new RawFileException("psa.file.xlsxMalformed"));
                }
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(value);
                blank &= value.isBlank();
            }
        }
        return blank ? List.of() : cells;
    }

    /** The text of the cell just started, up to its end tag. */
    private String cell(String type, String style) throws XMLStreamException {
        String value = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    value = text();
                }
                else if ("t".equals(name) && "inlineStr".equals(type)) {
                    inline = inline == null ? new StringBuilder() : inline;
                    inline.append(text());
                }
                else if ("rPh".equals(name)) {
                    skip("rPh");
                }
            }
        }
        if (inline != null) {
            return inline.toString();
        }
        if (value == null) {
            return "";
        }
        if (type == null || "n".equals(type)) {
            return number(value, style);
        }
        return switch (type) {
            case "s" -> sharedString(value);
            case "b" -> "1".equals(value.strip()) ? "TRUE" : "FALSE";
            default -> value; // str (a formula's text), d (an ISO date), e (an error such as #N/A)
        };
    }

    private String sharedString(String index) {
        try {
            return strings.getItemAt(Integer.parseInt(index.strip())).getString();
        }
        catch (RuntimeException ex) {
            throw new RawFileException.Unchecked(new RawFileException("psa.file.xlsxMalformed"));
        }
    }

    private String number(String value, String style) {
        String v = value.strip();
        if (v.isEmpty()) {
            return "";
        }
        try {
            if (style != null && isDateStyle(Integer.parseInt(style))) {
                double serial = Double.parseDouble(v);
                if (DateUtil.isValidExcelDate(serial)) {
                    LocalDateTime at = DateUtil.getLocalDateTime(serial, date1904);
                    return serial == Math.floor(serial) ? at.toLocalDate().toString() : at.withNano(0).toString();
                }
            }
            // As a person sees it: 1 (not 1.0, as some writers store it), 0.00012 (not 1.2E-4).
            return new BigDecimal(v).stripTrailingZeros().toPlainString();
        }
        catch (NumberFormatException ex) {
            return v;
        }
    }

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i < 0 || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(i);
            return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }

    /** The text of the element just started, up to its end tag, refused beyond Excel's cell length. */
    private String text() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (xml.hasNext() && depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    text.append(xml.getText());
                    if (text.length() > MAX_CELL_CHARS) {
                        throw new RawFileException.Unchecked(new RawFileException("psa.file.xlsxCellTooLong",
                                MAX_CELL_CHARS));
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
                        throw new RawFileException.Unchecked(new RawFileException("psa.file.xlsxDoctype"));
                default -> {
                }
            }
        }
        return text.toString();
    }

    private void skip(String element) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && element.equals(xml.getLocalName())) {
                return;
            }
        }
    }

    /** {@code C12} → 2. */
    private static int column(String ref) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
                if (++letters > 3) {
                    return MAX_COLUMNS;
                }
            }
            else {
                break;
            }
        }
        return column - 1;
    }
}
