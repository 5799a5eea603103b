package com.mspscorecard.importing.raw;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.StylesTable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * An Excel workbook's first sheet, read defensively and in constant memory: the sheet's XML is pulled row by
 * row ({@link SheetRows}) with DTDs and external entities refused; before POI opens the package every zip entry's
 * declared size and compression ratio is checked, and POI's {@link ZipSecureFile} checks the real ones while
 * reading (a zip bomb is refused either way). Shared strings are held in memory (bounded by their entry size).
 * A little over 250 lines: opening, the entry checks and the mapping of POI's failures to codes are one concern.
 */
final class XlsxTable implements RawTable {

    /** An entry inflating more than 100 times (ratio below 0.01) is a zip bomb: POI's own default, made explicit. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** A sheet of two million rows fits; more is not a PSA export. */
    static final long MAX_ENTRY_BYTES = 1024L * 1024 * 1024;
    /** The shared strings are held in memory: their part may not be larger than this. */
    static final long MAX_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;
    /** Entries below this size are not judged by their ratio (a small empty sheet compresses well). */
    private static final long RATIO_GRACE_BYTES = 100 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final RawLimits limits;
    private final boolean date1904;
    private final List<String> headers;
    private final long headerRow;

    private XlsxTable(OPCPackage pkg, XSSFReader reader, ReadOnlySharedStringsTable strings, StylesTable styles,
            RawLimits limits, boolean date1904) throws RawFileException {
        this.date1904 = date1904;
        this.pkg = pkg;
        this.reader = reader;
        this.strings = strings;
        this.styles = styles;
        this.limits = limits;
        try (SheetRows rows = sheet()) {
            if (!rows.hasNext()) {
                throw new RawFileException("psa.file.blank");
            }
            RawRow header = rows.next();
            this.headers = header.cells().stream().map(String::strip).toList();
            this.headerRow = header.line();
            if (!rows.hasNext()) {
                throw new RawFileException("psa.file.headerOnly");
            }
        }
        catch (RawFileException.Unchecked ex) {
            throw ex.getCause();
        }
    }

    static XlsxTable open(Path file, RawLimits limits) throws RawFileException {
        checkEntries(file);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        }
        catch (NotOfficeXmlFileException ex) {
            throw new RawFileException(ex, "psa.file.notWorkbook");
        }
        catch (Exception ex) {
            throw refusal(ex);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            return new XlsxTable(pkg, reader, strings, styles, limits, date1904(reader));
        }
        catch (RawFileException ex) {
            pkg.revert();
            throw ex;
        }
        catch (Exception ex) {
            pkg.revert();
            throw refusal(ex);
        }
    }

    /**
     * A legacy {@code .xls} and a password-protected workbook both come as an OLE2 container; an encrypted one
     * holds an {@code EncryptionInfo} stream.
     */
    static RawFileException refuseOle2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) {
                return new RawFileException("psa.file.encrypted");
            }
        }
        catch (IOException | RuntimeException ex) {
            // Not even a readable OLE2 container: say what it most likely is.
        }
        return new RawFileException("psa.file.legacyXls");
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public Stream<RawRow> rows() {
        SheetRows rows;
        try {
            rows = sheet();
        }
        catch (RawFileException ex) {
            throw new RawFileException.Unchecked(ex);
        }
        Iterator<RawRow> data = new Iterator<>() {
            private long count;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public RawRow next() {
                RawRow row = rows.next();
                if (++count > limits.maxRows()) {
                    throw new RawFileException.Unchecked(new RawFileException("psa.file.tooManyRows", limits.maxRows()));
                }
                return row;
            }
        };
        // Skip the header row (the first non-blank one).
        while (data.hasNext()) {
            RawRow row = rows.next();
            if (row.line() == headerRow) {
                break;
            }
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(data, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(rows::close);
    }

    @Override
    public void close() {
        // Opened read-only: revert closes without writing anything back.
        pkg.revert();
    }

    private SheetRows sheet() throws RawFileException {
        try {
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new RawFileException("psa.file.blank");
            }
            return new SheetRows(sheets.next(), strings, styles, date1904);
        }
        catch (RawFileException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw refusal(ex);
        }
    }

    /** Whether the workbook counts its dates from 1904 (Excel for Mac before 2011) rather than 1900. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new RawFileException("psa.file.xlsxDoctype");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && "workbookPr".equals(xml.getLocalName())) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && "sheets".equals(xml.getLocalName())) {
                        return false;
                    }
                }
                return false;
            }
            finally {
                xml.close();
            }
        }
    }

    /** The declared sizes of every entry, before POI inflates any: a bomb is refused without inflating it. */
    private static void checkEntries(Path file) throws RawFileException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > MAX_ENTRY_BYTES
                        || (entry.getName().endsWith("sharedStrings.xml") && size > MAX_SHARED_STRINGS_BYTES)) {
                    throw new RawFileException("psa.file.xlsxTooLarge", entry.getName());
                }
                if (size > RATIO_GRACE_BYTES && compressed >= 0 && (double) compressed / size < MIN_INFLATE_RATIO) {
                    throw new RawFileException("psa.file.zipBomb");
                }
            }
        }
        catch (IOException ex) {
            throw new RawFileException(ex, "psa.file.notWorkbook");
        }
    }

    /** A failure of POI or of the XML as a message code: a zip bomb, a DTD, or an unreadable workbook. */
    static RawFileException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RawFileException raw) {
                return raw;
            }
            if (t instanceof RawFileException.Unchecked unchecked) {
                return unchecked.getCause();
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb")) {
                return new RawFileException(failure, "psa.file.zipBomb");
            }
            if (message.contains("DOCTYPE") || message.contains("DTD") || message.contains("entity")) {
                return new RawFileException(failure, "psa.file.xlsxDoctype");
            }
            if (message.contains("max entry size") || message.contains("too large") || message.contains("MaxTextSize")) {
                return new RawFileException(failure, "psa.file.xlsxTooLarge", "");
            }
        }
        return new RawFileException(failure, "psa.file.notWorkbook");
    }
}
