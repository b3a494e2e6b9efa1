package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Forecasts through the API: thirty weeks of about ten incidents a week in one category and business unit, and a last
 * complete week of forty; a fit forecasts the coming weeks with their interval and measured accuracy, flags the last
 * week as unusual once, and tells the coordinators.
 */
class ForecastApiTest extends ApiClient.OnServer {

    static final String CATEGORY = "information-gathering/sniffing";

    @Autowired
    JdbcClient jdbc;

    TestUser coordinatorUser;
    ApiClient coordinator;
    BusinessUnitId unit;

    @BeforeEach
    void writeThirtyWeeks() {
        String run = Long.toString(System.nanoTime(), 36);
        coordinatorUser = users.user("forecast-coordinator-" + run, Set.of(Role.COORDINATOR));
        coordinator = client(coordinatorUser);
        unit = users.businessUnit("forecast-unit-" + run);
        LocalDate thisWeek =
                LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        for (int week = 30; week >= 1; week--) {
            int count = week == 1 ? 40 : 9 + week % 3;
            LocalDate monday = thisWeek.minusWeeks(week);
            jdbc.sql("""
                    insert into incident (id, number, title, description, category_class, category_type,
                      determination, severity, impact, urgency, priority, tlp, pap, confidential, status,
                      business_unit_id, reported_at, updated_at, version)
                    select gen_random_uuid(), nextval('incident_number_seq'), 'Forecast ' || g, 'forecast data',
                      'information-gathering', 'sniffing', 'CONFIRMED', 'LOW', 2, 2, 3, 'AMBER', 'AMBER', false, 'NEW',
                      ?, ?::timestamptz + make_interval(hours => g), now(), 0
                    from generate_series(1, ?) g""")
                    .params(
                            unit.value(),
                            Timestamp.from(monday.atStartOfDay(ZoneOffset.UTC).toInstant()),
                            count)
                    .update();
        }
    }

    @AfterEach
    void removeThem() {
        jdbc.sql("delete from reporting_anomaly where series in (?, ?)")
                .params(CATEGORY, unit.toString())
                .update();
        jdbc.sql("delete from reporting_forecast where series in (?, ?)")
                .params(CATEGORY, unit.toString())
                .update();
        jdbc.sql("delete from notification_inbox where template = 'forecast-anomaly'")
                .update();
        jdbc.sql("delete from incident where business_unit_id = ?")
                .param(unit.value())
                .update();
    }

    @Test
    void aFitForecastsTheComingWeeksMeasuresItselfAndFlagsTheUnusualWeekOnce() {
        JsonNode fit = coordinator.post("/api/v1/forecasts/fit", Map.of()).json();
        assertThat(fit.get("series").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(fit.get("anomalies").asInt()).isGreaterThanOrEqualTo(2);

        JsonNode category =
                series(coordinator.get("/api/v1/forecasts?by=category").json(), CATEGORY);
        assertThat(category.get("history")).hasSize(30);
        assertThat(category.get("history").get(29).asInt()).isEqualTo(40);
        assertThat(category.get("forecast")).hasSize(8);
        JsonNode next = category.get("forecast").get(0);
        assertThat(next.get("lower").asDouble())
                .isLessThanOrEqualTo(next.get("expected").asDouble());
        assertThat(next.get("upper").asDouble())
                .isGreaterThanOrEqualTo(next.get("expected").asDouble());
        assertThat(category.get("accuracy").get("heldOut").asInt()).isEqualTo(8);
        assertThat(category.get("model").get("period").asInt()).isZero();

        JsonNode anomalies = coordinator.get("/api/v1/forecasts/anomalies").json();
        JsonNode flagged = series(anomalies, CATEGORY);
        assertThat(flagged.get("actual").asLong()).isEqualTo(40);
        assertThat(flagged.get("upper").asDouble()).isLessThan(40);
        assertThat(series(coordinator.get("/api/v1/forecasts?by=business-unit").json(), unit.toString()))
                .isNotNull();
        long told = jdbc.sql("select count(*) from notification_inbox where recipient_id = ? and template = ?")
                .params(coordinatorUser.id().value(), "forecast-anomaly")
                .query(Long.class)
                .single();
        assertThat(told).isEqualTo(2);

        JsonNode again = coordinator.post("/api/v1/forecasts/fit", Map.of()).json();
        assertThat(again.get("anomalies").asInt()).isZero();
    }

    @Test
    void onlyCoordinatorsAndAdminsFitAndAuditorsRead() {
        String run = Long.toString(System.nanoTime(), 36);
        ApiClient auditor = client(users.user("forecast-auditor-" + run, Set.of(Role.AUDITOR)));
        ApiClient handler = client(users.user("forecast-handler-" + run, Set.of(Role.HANDLER)));
        assertThat(auditor.get("/api/v1/forecasts").status()).isEqualTo(200);
        assertThat(auditor.post("/api/v1/forecasts/fit", Map.of()).status()).isEqualTo(403);
        assertThat(handler.get("/api/v1/forecasts").status()).isEqualTo(403);
        assertThat(handler.get("/api/v1/forecasts/anomalies").status()).isEqualTo(403);
        ApiClient.Answer bad = coordinator.get("/api/v1/forecasts?by=colour");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"by\"");
    }

    private static JsonNode series(JsonNode list, String key) {
        for (JsonNode item : list) {
            if (key.equals(item.get("series").asString())) {
                return item;
            }
        }
        throw new AssertionError("no series " + key + " in " + list);
    }
}
