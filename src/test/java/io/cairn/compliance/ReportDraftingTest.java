package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.UserId;
import io.cairn.incidents.Category;
import io.cairn.incidents.Determination;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Milestones;
import io.cairn.incidents.Severity;
import io.cairn.incidents.Status;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Pap;
import io.cairn.shared.PdfReport;
import io.cairn.shared.Tlp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A stage's report drafted from the incident per regime (GDPR Art. 33(3), NIS2's early warning, DORA's initial
 * notification), its JSON always the same bytes for the same report with their SHA-256, and its PDF in Dutch.
 */
class ReportDraftingTest {

    private static final Instant DETECTED = Instant.parse("2025-03-07T08:00:00Z");

    private static IncidentView incident() {
        return new IncidentView(
                new IncidentId(UUID.randomUUID()),
                7,
                "Patiëntendossiers ingezien",
                "Een account las dossiers die het niet nodig had.",
                new Category("information-content-security", "unauthorised-access"),
                Determination.CONFIRMED,
                Severity.HIGH,
                "high",
                "high",
                "P1",
                1,
                Tlp.AMBER,
                Pap.GREEN,
                null,
                null,
                null,
                null,
                false,
                Status.CONTAINMENT,
                null,
                null,
                null,
                new Milestones(null, DETECTED, DETECTED, null, null, null, null, null, null),
                DETECTED,
                null,
                null,
                null,
                List.of(),
                null,
                false,
                3);
    }

    private static DecisionView decision(DecisionKind kind, Map<String, Object> inputs, String rationale) {
        return DecisionView.of(
                kind,
                List.of(new DecisionView.Version(
                        1,
                        inputs,
                        List.of(new Criterion("dora.critical-services", true, List.of())),
                        "yes",
                        rationale,
                        null,
                        DETECTED,
                        UserId.random(),
                        "A",
                        DETECTED)));
    }

    private static ReportDrafting.Sources sources() {
        Map<DecisionKind, DecisionView> decisions = new EnumMap<>(DecisionKind.class);
        Map<String, Object> breach = new LinkedHashMap<>();
        breach.put("breach-types", List.of("confidentiality"));
        breach.put("data-categories", "medische gegevens");
        breach.put("approximate-subjects", 1200);
        breach.put("approximate-records", 5000);
        breach.put("subject-categories", "patiënten");
        decisions.put(DecisionKind.PERSONAL_DATA_BREACH, decision(DecisionKind.PERSONAL_DATA_BREACH, breach, "read"));
        decisions.put(DecisionKind.GDPR_RISK, decision(DecisionKind.GDPR_RISK, Map.of(), "identiteitsfraude mogelijk"));
        decisions.put(
                DecisionKind.DORA_MAJOR,
                decision(
                        DecisionKind.DORA_MAJOR,
                        Map.of("economic-impact-eur", Map.of("value", 150000, "estimate", true, "basis", "b")),
                        "major"));
        return new ReportDrafting.Sources(
                incident(), decisions, Map.of(), List.of("ipv4-addr: 203.0.113.7"), "Functionaris <fg@zorg.nl>");
    }

    @Test
    void theGdprNotificationCarriesArticle33_3FromTheBreachAssessmentAndLeavesTheMeasuresToTheHandler() {
        Regime.Stage stage = ObligationDerivationTest.shipped("gdpr.yaml")
                .stage("supervisory-authority")
                .orElseThrow();
        Map<String, String> draft = ReportDrafting.draft(stage, sources());
        assertThat(draft.keySet()).containsExactlyElementsOf(stage.mandatoryFields());
        assertThat(draft.get("nature")).contains("Patiëntendossiers ingezien", "confidentiality");
        assertThat(draft)
                .containsEntry("data-subject-categories", "patiënten")
                .containsEntry("data-subject-count", "1200")
                .containsEntry("record-categories", "medische gegevens")
                .containsEntry("record-count", "5000")
                .containsEntry("contact-point", "Functionaris <fg@zorg.nl>")
                .containsEntry("likely-consequences", "identiteitsfraude mogelijk")
                .containsEntry("measures", "");
        assertThat(ReportDrafting.missing(stage, draft)).containsExactly("measures");
    }

    @Test
    void nis2sEarlyWarningLeavesItsTwoQuestionsToTheHandlerAndDorasInitialNotificationTakesTheClassification() {
        Regime.Stage warning = ObligationDerivationTest.shipped("nis2.yaml")
                .stage("early-warning")
                .orElseThrow();
        assertThat(ReportDrafting.missing(warning, ReportDrafting.draft(warning, sources())))
                .containsExactly("suspected-malicious", "cross-border-impact");
        Regime.Stage notification = ObligationDerivationTest.shipped("nis2.yaml")
                .stage("notification")
                .orElseThrow();
        assertThat(ReportDrafting.draft(notification, sources()))
                .containsEntry("severity", "high")
                .containsEntry("indicators", "ipv4-addr: 203.0.113.7");
        Regime.Stage initial =
                ObligationDerivationTest.shipped("dora.yaml").stage("initial").orElseThrow();
        assertThat(ReportDrafting.draft(initial, sources()))
                .containsEntry("classification-criteria", "dora.critical-services")
                .containsEntry("detected-at", "2025-03-07T08:00:00Z");
        Regime.Stage fin =
                ObligationDerivationTest.shipped("dora.yaml").stage("final").orElseThrow();
        assertThat(ReportDrafting.draft(fin, sources())).containsEntry("costs-and-losses", "150000 EUR (estimate)");
    }

    @Test
    void theSameReportAlwaysGivesTheSameBytesAndTheirSha256FreezesThem() {
        SubmissionContent.Subject subject = new SubmissionContent.Subject(
                "INC-7", "Lek", "gdpr", "2016/679-1", "GDPR", "supervisory-authority", "Notification", "Zorg", null);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("nature", "ingezien");
        fields.put("measures", "wachtwoorden vervangen");
        SubmissionView sent = new SubmissionView(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "supervisory-authority",
                1,
                null,
                "0".repeat(64),
                "portal",
                "AP",
                "AP-1",
                Instant.parse("2025-03-10T10:00:00Z"),
                true,
                "onderzoek liep",
                "A",
                Instant.parse("2025-03-11T10:00:00Z"));
        byte[] once = SubmissionContent.submitted(subject, fields, sent);
        byte[] again = SubmissionContent.submitted(subject, new LinkedHashMap<>(fields), sent);
        assertThat(once).isEqualTo(again);
        assertThat(SubmissionContent.sha256(once))
                .isEqualTo(ContentDigest.of(again).hex());
        assertThat(new String(once, StandardCharsets.UTF_8))
                .startsWith("{\"format\":\"cairn-regulatory-report/1\",\"incident\":{\"reference\":\"INC-7\"")
                .contains("\"fields\":{\"nature\":\"ingezien\",\"measures\":\"wachtwoorden vervangen\"}")
                .contains("\"late\":true,\"delayReason\":\"onderzoek liep\"");
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put("measures", "wachtwoorden vervangen.");
        assertThat(SubmissionContent.sha256(SubmissionContent.submitted(subject, changed, sent)))
                .isNotEqualTo(SubmissionContent.sha256(once));
    }

    @Test
    void aPdfCarriesDutchLettersAndWrapsLongTextOverPages() throws IOException {
        String longText = "Geïnformeerde patiënten ".repeat(400);
        byte[] pdf = PdfReport.render(
                "nl",
                "Melding aan de toezichthoudende autoriteit",
                List.of("Incident INC-7: Patiëntendossiers ingezien", "ĳsbeer € ☃"),
                List.of(new PdfReport.Section(
                        "Inhoud van de melding", List.of(new PdfReport.Entry("Aard van de inbreuk", longText)))));
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nl");
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Melding aan de toezichthoudende autoriteit", "Patiëntendossiers", "Geïnformeerde")
                    .contains("ijsbeer € ?");
        }
    }
}
