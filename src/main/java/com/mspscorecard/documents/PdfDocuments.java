package com.mspscorecard.documents;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders documents to PDF with openhtmltopdf (PDFBox 3). Text is escaped into a fixed XHTML
 * page: nothing a user typed is markup, and nothing is fetched from outside.
 */
@Component
public class PdfDocuments {

    private static final String CSS = """
            @page { size: A4; margin: 25mm 22mm; }
            body { font-family: sans-serif; font-size: 11pt; line-height: 1.45; color: #111; }
            h1 { font-size: 14pt; margin: 0 0 12pt 0; }
            p { margin: 0 0 9pt 0; }
            """;

    /** A letter: a title and plain text, paragraphs separated by blank lines, lines kept. */
    public byte[] letter(String title, String text, String language) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append("it".equals(language) ? "it" : "en").append("\"><head><meta charset=\"utf-8\"/><title>")
                .append(escape(title)).append("</title><style>").append(CSS).append("</style></head><body>");
        for (String paragraph : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br/>")).append("</p>");
        }
        html.append("</body></html>");
        return render(html.toString());
    }

    /**
     * A page laid out by a template (the client reports): well-formed XHTML whose text the caller
     * has escaped (Thymeleaf's {@code th:text}), with no external resources (no base URI: only
     * {@code data:} images). Written to {@code out}, which is left open, so that many documents can
     * follow one another into a zip without any of them held whole.
     */
    public void page(String xhtml, OutputStream out) {
        try {
            render(xhtml, new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            render(xhtml, out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void render(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
    }

    /** XML-safe text: markup escaped, characters XML 1.0 cannot hold dropped. */
    private static String escape(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF
                && (c < 0xD800 || c > 0xDFFF)).forEach(clean::appendCodePoint);
        return HtmlUtils.htmlEscape(clean.toString(), "UTF-8").replace("&#39;", "&#x27;");
    }
}
