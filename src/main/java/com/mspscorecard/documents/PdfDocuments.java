package com.mspscorecard.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

    private static byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XML-safe text: markup escaped, characters XML 1.0 cannot hold dropped. */
    private static String escape(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF
                && (c < 0xD800 || c > 0xDFFF)).forEach(clean::appendCodePoint);
        return HtmlUtils.htmlEscape(clean.toString(), "UTF-8").replace("&#39;", "&#x27;");
    }
}
