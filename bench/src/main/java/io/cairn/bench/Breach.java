package io.cairn.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A personal-data breach made through the API, as the compliance benchmarks start from it: a Dutch GDPR controller
 * (with its privacy officer when one is given), a business unit of it, and an incident of that unit whose coordinator
 * recorded the awareness an hour ago, a personal-data breach and the risk; the incident's GDPR obligation follows.
 *
 * @param compliance the URL of the incident's compliance
 * @param obligation the id of its GDPR obligation
 */
record Breach(String compliance, String obligation) {

    /** The URL of the obligation's notice to the people the breach concerns. */
    String notice() {
        return compliance + "/obligations/" + obligation + "/notice";
    }

    /** Makes one: {@code risk} is {@code risk} or {@code high-risk}; {@code privacyOfficer} may be {@code null}. */
    static Breach make(String baseUrl, String admin, String coordinator, UUID privacyOfficer, String risk)
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String officer = privacyOfficer == null ? "" : ", \"privacyOfficer\": \"" + privacyOfficer + "\"";
        String entity = id(Api.call("POST", baseUrl + "/api/v1/compliance/legal-entities", admin, """
                {"name": "Bench %s", "jurisdictions": ["NL"], "nis2": "not-in-scope", "doraFinancialEntity": false,
                 "gdprRole": "controller", "supervisoryAuthorityName": "Autoriteit Persoonsgegevens",
                 "supervisoryAuthorityContact": "https://autoriteitpersoonsgegevens.nl"%s}"""
                .formatted(suffix, officer), 201));
        String unit = id(Api.call("POST", baseUrl + "/api/v1/business-units", admin,
                "{\"name\": \"Bench " + suffix + "\", \"description\": \"bench\", \"legalEntity\": \"" + entity
                        + "\"}", 201));
        String incident = id(Api.call("POST", baseUrl + "/api/v1/incidents", coordinator,
                "{\"title\": \"Bench leak\", \"description\": \"bench\", \"businessUnit\": \"" + unit + "\"}", 201));
        String compliance = baseUrl + "/api/v1/incidents/" + incident + "/compliance";
        Api.call("PUT", compliance + "/facts/gdpr.awareness", coordinator, "{\"at\": \""
                + Instant.now().minusSeconds(3600) + "\", \"justification\": \"bench\", \"version\": 0}", 200);
        Api.call("PUT", compliance + "/decisions/personal-data-breach", coordinator,
                "{\"result\": \"yes\", \"rationale\": \"bench\", \"version\": 0}", 200);
        Api.call("PUT", compliance + "/decisions/gdpr-risk", coordinator,
                "{\"result\": \"" + risk + "\", \"rationale\": \"bench\", \"version\": 0}", 200);
        Object obligations = Api.call("GET", compliance, coordinator, null, 200).json().get("obligations");
        return new Breach(compliance, String.valueOf(((Map<?, ?>) ((List<?>) obligations).get(0)).get("id")));
    }

    private static String id(Api.Answer answer) {
        return String.valueOf(answer.json().get("id"));
    }
}
