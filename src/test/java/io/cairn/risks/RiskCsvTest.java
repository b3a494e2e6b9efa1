package io.cairn.risks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The risk register as CSV: the list's filters, a header row, formulas kept as text, refusals before any row. */
class RiskCsvTest extends ApiClient.OnServer {

    TestUser owner;
    ApiClient coordinator;
    BusinessUnitId unit;

    @BeforeEach
    void signIn() {
        owner = users.user("risk-csv-owner", Set.of(Role.COORDINATOR));
        coordinator = client(owner);
        unit = users.businessUnit("risk-csv-unit");
    }

    private void register(String title, LocalDate target) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("owner", owner.id().toString());
        body.put("businessUnit", unit.toString());
        body.put("treatment", "-1 spare server");
        body.put("mitigationTargetAt", target.toString());
        body.put("likelihood", "likely");
        body.put("impact", "major");
        assertThat(coordinator.post("/api/v1/risks", body).status()).isEqualTo(201);
    }

    private static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void theOverdueRisksOfAUnitComeAsCsvWithAHeaderRowAndFormulasKeptAsText() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        register("=HYPERLINK(\"http://evil.example\")", today.minusDays(1));
        register("On time", today.plusDays(10));

        ApiClient.Answer answer = coordinator.get("/api/v1/risks.csv?overdue=true&businessUnit=" + unit);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv");
        assertThat(answer.header("Content-Disposition")).contains("risks.csv");
        List<CSVRecord> rows = records(answer.body());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).startsWith("id", "title", "description", "businessUnit", "owner");
        assertThat(rows.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
        assertThat(rows.get(1).get(11)).isEqualTo("'-1 spare server");
        assertThat(rows.get(1).get(7)).isEqualTo("high");
        assertThat(rows.get(1).get(15)).isEqualTo("true");
    }

    @Test
    void allPagesOfTheListComeInOneExportInTheListsOrder() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < 3; i++) {
            register("Risk " + i, today.plusDays(i));
        }

        List<CSVRecord> rows = records(coordinator
                .get("/api/v1/risks.csv?sort=-target&businessUnit=" + unit)
                .body());

        assertThat(rows.stream().skip(1).map(row -> row.get(1)).toList()).containsExactly("Risk 2", "Risk 1", "Risk 0");
    }

    @Test
    void aBadFilterOrAReaderWhoMayNotReadTheRegisterGetsAProblemAndNoRows() {
        ApiClient.Answer bad = coordinator.get("/api/v1/risks.csv?severity=dire");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("severity");

        ApiClient handler = client(users.user("risk-csv-handler", Set.of(Role.HANDLER)));
        assertThat(handler.get("/api/v1/risks.csv").status()).isEqualTo(403);
    }
}
