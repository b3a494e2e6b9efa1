package io.cairn.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain A4 PDF of a report: a title, lines under it, and sections of labelled values, wrapped to the page and
 * continued on new pages. Written in Helvetica with WinAnsi encoding, which holds the letters of Dutch and the other
 * Western European languages (é, ë, ï, ĳ as i and j); a character it lacks is written as {@code ?}.
 */
public final class PdfReport {

    /** A section: a heading and its labelled values. */
    public record Section(String heading, List<Entry> entries) {

        public Section {
            entries = List.copyOf(entries);
        }
    }

    /** A labelled value; the value may run over several lines. */
    public record Entry(String label, String value) {}

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument document = new PDDocument();
    private PDPageContentStream stream;
    private float y;

    private PdfReport() throws IOException {
        stream = newPage();
    }

    /** The PDF's bytes: the title, the lines under it, then each section; {@code language} as BCP 47 ("nl"). */
    public static byte[] render(String language, String title, List<String> lines, List<Section> sections) {
        try {
            PdfReport report = new PdfReport();
            report.document.getDocumentCatalog().setLanguage(language);
            report.document.getDocumentInformation().setTitle(printable(title));
            report.write(BOLD, 15, title, 6);
            for (String line : lines) {
                report.write(REGULAR, 10, line, 2);
            }
            for (Section section : sections) {
                report.y -= 8;
                report.write(BOLD, 12, section.heading(), 4);
                for (Entry entry : section.entries()) {
                    report.write(BOLD, 9, entry.label(), 1);
                    report.write(REGULAR, 10, entry.value().isBlank() ? "—" : entry.value(), 4);
                }
            }
            return report.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("a PDF in memory cannot fail to be written", e);
        }
    }

    private void write(PDType1Font font, float size, String text, float after) throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(font, size, printable(text))) {
            if (y - leading < MARGIN) {
                stream.close();
                stream = newPage();
            }
            y -= leading;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(line);
            stream.endText();
        }
        y -= after;
    }

    private PDPageContentStream newPage() throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        y = PDRectangle.A4.getHeight() - MARGIN;
        return new PDPageContentStream(document, page);
    }

    private byte[] finish() throws IOException {
        stream.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        document.close();
        return out.toByteArray();
    }

    /** The text's lines as they fit the width: its own line breaks kept, long lines broken between words. */
    static List<String> wrap(PDType1Font font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r?\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String tried = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(tried) / 1000 * size > WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(tried);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text with each character the font cannot write as {@code ?} and tabs as spaces. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (point == '\n') {
                out.append('\n');
            } else if (point == '\r') {
                return;
            } else if (point == '\t') {
                out.append(' ');
            } else if (point == 0x133 || point == 0x132) {
                out.append(point == 0x133 ? "ij" : "IJ");
            } else {
                out.append(encodable(point) ? Character.toString(point) : "?");
            }
        });
        return out.toString();
    }

    private static boolean encodable(int point) {
        if (Character.isISOControl(point)) {
            return false;
        }
        try {
            REGULAR.encode(Character.toString(point));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
