package io.cairn.compliance;

import io.cairn.ApiClient;
import io.cairn.identity.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The organisation compliance tests start from, made through the admin API: a Dutch GDPR controller under the
 * Autoriteit Persoonsgegevens, its business unit, and the fields of its report to the supervisory authority.
 */
public final class ComplianceFixture {

    /** The fields the GDPR's report to the supervisory authority needs (Art 33(3)), in the regime's order. */
    public static final List<String> GDPR_REPORT_FIELDS = List.of(
            "nature",
            "data-subject-categories",
            "data-subject-count",
            "record-categories",
            "record-count",
            "contact-point",
            "likely-consequences",
            "measures");

    private ComplianceFixture() {}

    /**
     * The profile of a Dutch GDPR controller under the Autoriteit Persoonsgegevens, NIS2 as given ({@code important},
     * {@code not-in-scope}...), with its privacy officer when one is given: a body to create or change it.
     */
    public static Map<String, Object> dutchController(String name, String nis2, @Nullable UserId privacyOfficer) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", name);
        profile.put("jurisdictions", List.of("NL"));
        profile.put("nis2", nis2);
        profile.put("doraFinancialEntity", false);
        profile.put("gdprRole", "controller");
        profile.put("supervisoryAuthorityName", "Autoriteit Persoonsgegevens");
        profile.put("supervisoryAuthorityContact", "https://autoriteitpersoonsgegevens.nl");
        if (privacyOfficer != null) {
            profile.put("privacyOfficer", privacyOfficer.toString());
        }
        return profile;
    }

    /** Creates a Dutch GDPR controller as {@link #dutchController} describes it; its id. */
    public static String legalEntity(ApiClient admin, String name, String nis2, @Nullable UserId privacyOfficer) {
        return created(admin.post("/api/v1/compliance/legal-entities", dutchController(name, nis2, privacyOfficer)));
    }

    /** Creates a business unit of the legal entity; its id. */
    public static String businessUnit(ApiClient admin, String name, String legalEntity) {
        return created(admin.post(
                "/api/v1/business-units", Map.of("name", name, "description", "care", "legalEntity", legalEntity)));
    }

    /** Every field of the GDPR's report to the supervisory authority, each filled with the words and its name. */
    public static Map<String, String> gdprReportFields(String words) {
        Map<String, String> fields = new LinkedHashMap<>();
        GDPR_REPORT_FIELDS.forEach(field -> fields.put(field, words + " " + field));
        return fields;
    }

    /** The fact ({@code gdpr.awareness}) of an incident's compliance as the API shows it. */
    public static JsonNode fact(JsonNode compliance, String fact) {
        return compliance
                .path("facts")
                .valueStream()
                .filter(found -> found.path("fact").asString().equals(fact))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + fact + " in " + compliance.path("facts")));
    }

    /** The stage ({@code supervisory-authority}) of one of an incident's obligations as the API shows them. */
    public static JsonNode stage(JsonNode compliance, String stage) {
        return compliance
                .path("obligations")
                .valueStream()
                .flatMap(obligation -> obligation.path("stages").valueStream())
                .filter(found -> found.path("stage").asString().equals(stage))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + stage + " in " + compliance.path("obligations")));
    }

    /** A legal entity as {@link #dutchController} describes it, in the GDPR role given; its id. */
    public static String legalEntity(ApiClient admin, String name, String gdprRole) {
        Map<String, Object> profile = dutchController(name, "not-in-scope", null);
        profile.put("gdprRole", gdprRole);
        return created(admin.post("/api/v1/compliance/legal-entities", profile));
    }

    private static String created(ApiClient.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("not created: " + answer);
        }
        return answer.json().path("id").asString();
    }
}
