package io.cairn.reporting;

import io.cairn.shared.PdfReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The management summary as a PDF in the reader's language: the key figures, then the volume per period. */
final class ManagementPdf {

    private ManagementPdf() {}

    static byte[] render(Dashboards.Summary summary, MessageSource messages, Locale locale) {
        Panel volume = summary.panel("volume");
        List<PdfReport.Section> sections = new ArrayList<>();
        sections.add(new PdfReport.Section(
                messages.getMessage("dashboard.management.figures", null, locale),
                summary.figures().stream()
                        .map(figure -> new PdfReport.Entry(figure.label(), figure.text()))
                        .toList()));
        sections.add(new PdfReport.Section(
                messages.getMessage("dashboard.panel.volume", null, locale),
                volume.rows().stream()
                        .map(row -> new PdfReport.Entry(row.get(0).text(), describe(volume, row)))
                        .toList()));
        String period = volume.rows().isEmpty()
                ? ""
                : volume.rows().get(0).get(0).text() + " … "
                        + volume.rows().get(volume.rows().size() - 1).get(0).text();
        return PdfReport.render(
                locale.getLanguage(),
                messages.getMessage("dashboard.management.title", null, locale),
                List.of(messages.getMessage("dashboard.management.period", new Object[] {period}, locale)),
                sections);
    }

    /** A period's row of the volume table: each heading with its figure. */
    private static String describe(Panel volume, List<Panel.Cell> row) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < row.size(); i++) {
            parts.add(volume.headings().get(i).text() + ": " + row.get(i).text());
        }
        return String.join("; ", parts);
    }
}
