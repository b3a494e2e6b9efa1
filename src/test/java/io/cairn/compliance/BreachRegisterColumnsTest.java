package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.incidents.IncidentId;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The register as CSV: RFC 4180 with a header row, quotes and line breaks kept, formulas kept as text. */
class BreachRegisterColumnsTest {

    private static BreachRegisterEntry entry(String title, String remedial) {
        Instant at = Instant.parse("2025-03-07T10:00:00Z");
        return new BreachRegisterEntry(
                IncidentId.random(),
                "INC-7",
                title,
                null,
                "Zorg B.V.",
                at,
                null,
                at,
                "no",
                "Only \"test\" data, no real people",
                at,
                "Privacy Officer",
                List.of("confidentiality"),
                "none",
                "",
                null,
                null,
                false,
                null,
                null,
                title,
                "",
                remedial,
                "not-required",
                null,
                null,
                null,
                null,
                null,
                null,
                "Only \"test\" data, no real people",
                List.of());
    }

    @Test
    void theCsvHasAHeaderRowAndKeepsQuotesCommasAndLineBreaksOfEachCell() throws Exception {
        String csv = BreachRegisterColumns.csv(
                List.of(entry("Lek, \"groot\"\nen ernstig", "=1+1")),
                key -> key.equals("reference") ? "Incident" : key);
        assertThat(csv).startsWith("Incident,title,legal-entity,").contains("\r\n");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).size()).isEqualTo(BreachRegisterColumns.ALL.size());
        assertThat(records.get(1).get(1)).isEqualTo("Lek, \"groot\"\nen ernstig");
        assertThat(records.get(1).get(BreachRegisterColumns.ALL.indexOf(column("remedial-action"))))
                .isEqualTo("'=1+1");
        assertThat(records.get(1).get(BreachRegisterColumns.ALL.indexOf(column("not-notified-because"))))
                .isEqualTo("Only \"test\" data, no real people");
    }

    private static BreachRegisterColumns.Column column(String key) {
        return BreachRegisterColumns.ALL.stream()
                .filter(column -> column.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
