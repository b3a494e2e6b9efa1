package io.cairn.handling.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The SLA API: calendars, policies and escalation levels refuse bad input naming the field; reporters read nothing
 * and only admins change settings; incidents get clocks that pause, resume and breach; concurrent scans record each
 * breach once.
 */
class SlaApiTest extends ApiClient.OnServer {

    @Autowired
    SlaManagement sla;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;
    ApiClient handler;
    ApiClient reporter;
    String run;

    @BeforeEach
    void setUp() {
        run = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("sla-admin-" + run, Set.of(Role.ADMIN)));
        handler = client(users.userNamed("sla-handler-" + run, Set.of(Role.HANDLER)));
        reporter = client(users.userNamed("sla-reporter-" + run, Set.of(Role.REPORTER)));
    }

    private static void assertProblem(ApiClient.Answer answer, int status, String field, String message) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(message);
    }

    private JsonNode report(ApiClient as, String impact, String urgency) {
        ApiClient.Answer created = as.post(
                "/api/v1/incidents",
                Map.of(
                        "title",
                        "SLA " + run,
                        "description",
                        "Something to handle on time",
                        "impact",
                        impact,
                        "urgency",
                        urgency));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode clock(String incident, String kind) {
        ApiClient.Answer clocks = handler.get("/api/v1/incidents/" + incident + "/sla");
        assertThat(clocks.status()).as(clocks.toString()).isEqualTo(200);
        for (JsonNode clock : clocks.json()) {
            if (clock.get("kind").asString().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("no " + kind + " clock in " + clocks);
    }

    @Test
    void aMatrixWithAGapIsRefusedNamingTheCell() {
        long version =
                admin.get("/api/v1/priority-matrix").json().get("version").asLong();
        Map<String, Object> matrix = new HashMap<>();
        matrix.put("impacts", List.of("high", "low"));
        matrix.put("urgencies", List.of("high", "low"));
        matrix.put("priorities", List.of("P1", "P2"));
        List<Integer> gap = new ArrayList<>();
        gap.add(2);
        gap.add(null);
        matrix.put("cells", List.of(List.of(1, 2), gap));
        matrix.put("version", version);

        assertProblem(
                admin.put("/api/v1/priority-matrix", matrix),
                400,
                "cells[1][1]",
                "must be a priority level from 1 to 2");
    }

    @Test
    void overlappingHoursAreRefusedNamingTheDay() {
        ApiClient.Answer refused = admin.post(
                "/api/v1/sla/calendars",
                Map.of(
                        "name",
                        "Overlap " + run,
                        "zone",
                        "Europe/Amsterdam",
                        "week",
                        Map.of("tuesday", List.of("09:00-13:00", "12:00-17:00"))));

        assertProblem(refused, 400, "week.tuesday", "the hours 09:00-13:00 and 12:00-17:00 overlap");
        assertThat(admin.get("/api/v1/sla/calendars").body()).doesNotContain("Overlap " + run);
    }

    @Test
    void aCalendarWithSeveralStretchesADayAndHolidaysIsStoredAndRead() {
        ApiClient.Answer created = admin.post(
                "/api/v1/sla/calendars",
                Map.of(
                        "name",
                        "Split " + run,
                        "zone",
                        "America/New_York",
                        "week",
                        Map.of("monday", List.of("13:00-17:00", "08:00-12:00")),
                        "holidays",
                        List.of("2026-12-25")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode read = handler.get(
                        "/api/v1/sla/calendars/" + created.json().get("id").asString())
                .json();
        assertThat(read.get("week").get("monday").toString()).isEqualTo("[\"08:00-12:00\",\"13:00-17:00\"]");
        assertThat(read.get("holidays").get(0).asString()).isEqualTo("2026-12-25");
        assertProblem(
                admin.post(
                        "/api/v1/sla/calendars",
                        Map.of(
                                "name",
                                "Zone " + run,
                                "zone",
                                "Mars/Olympus",
                                "week",
                                Map.of("monday", List.of("08:00-12:00")))),
                400,
                "zone",
                "is not a time zone");
    }

    @Test
    void aCycleOfEscalationLevelsIsRefusedNamingTheLevels() {
        String first = admin.post(
                        "/api/v1/sla/escalation-levels",
                        Map.of(
                                "name",
                                "First " + run,
                                "notifyKind",
                                "role",
                                "notifyTarget",
                                "coordinator",
                                "waitFor",
                                "30m"))
                .json()
                .get("id")
                .asString();
        ApiClient.Answer second = admin.post(
                "/api/v1/sla/escalation-levels",
                Map.of(
                        "name",
                        "Second " + run,
                        "notifyKind",
                        "role",
                        "notifyTarget",
                        "admin",
                        "waitFor",
                        "PT1H",
                        "next",
                        first));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);

        ApiClient.Answer cycle = admin.put(
                "/api/v1/sla/escalation-levels/" + first,
                Map.of(
                        "name",
                        "First " + run,
                        "notifyKind",
                        "role",
                        "notifyTarget",
                        "coordinator",
                        "waitFor",
                        "30m",
                        "next",
                        second.json().get("id").asString()));

        assertProblem(
                cycle,
                400,
                "next",
                "the escalation levels First " + run + " → Second " + run + " → First " + run + " would form a cycle");
    }

    @Test
    void anUnknownPriorityAndNegativeDurationsAreRefusedNamingTheField() {
        assertProblem(
                admin.put("/api/v1/sla/policies/P9", Map.of("responseTarget", "1h", "resolutionTarget", "8h")),
                400,
                "priority",
                "'P9' is not one of [P1, P2, P3, P4]");
        assertProblem(
                admin.put("/api/v1/sla/policies/P3", Map.of("responseTarget", "-PT1H", "resolutionTarget", "8h")),
                400,
                "responseTarget",
                "must be positive");
        assertProblem(
                admin.put("/api/v1/sla/policies/P3", Map.of("responseTarget", "1h", "resolutionTarget", "soon")),
                400,
                "resolutionTarget",
                "is not a duration");
        assertProblem(
                admin.put(
                        "/api/v1/sla/policies/P3",
                        Map.of("responseTarget", "1h", "resolutionTarget", "8h", "pauseStatuses", List.of("waiting"))),
                400,
                "pauseStatuses[0]",
                "unknown status 'waiting'");
        assertProblem(
                admin.post(
                        "/api/v1/sla/escalation-levels",
                        Map.of(
                                "name",
                                "Neg " + run,
                                "notifyKind",
                                "role",
                                "notifyTarget",
                                "coordinator",
                                "waitFor",
                                "-PT5M")),
                400,
                "waitFor",
                "must be positive");
        assertThat(admin.get("/api/v1/sla/policies/P3")
                        .json()
                        .get("responseTarget")
                        .asString())
                .isEqualTo("PT8H");
    }

    @Test
    void aReporterReadsNoClocksOrPoliciesAndOnlyAnAdminChangesThem() {
        JsonNode incident = report(reporter, "high", "high");
        assertThat(reporter.get("/api/v1/incidents/" + incident.get("id").asString() + "/sla")
                        .status())
                .isEqualTo(403);
        assertThat(reporter.get("/api/v1/sla/policies").status()).isEqualTo(403);
        assertThat(reporter.get("/api/v1/sla/calendars").status()).isEqualTo(403);
        assertThat(handler.get("/api/v1/sla/policies").status()).isEqualTo(200);
        assertThat(handler.put("/api/v1/sla/policies/P3", Map.of("responseTarget", "1h", "resolutionTarget", "8h"))
                        .status())
                .isEqualTo(403);
        assertThat(handler.post(
                                "/api/v1/sla/calendars",
                                Map.of(
                                        "name",
                                        "No " + run,
                                        "zone",
                                        "UTC",
                                        "week",
                                        Map.of("monday", List.of("09:00-17:00"))))
                        .status())
                .isEqualTo(403);
        assertThat(handler.post("/api/v1/sla/scan", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/sla/scan", Map.of()).json().has("millis"))
                .isTrue();
    }

    @Test
    void aP1IncidentGetsAResponseClockDueInAnHourAroundTheClock() {
        JsonNode incident = report(handler, "high", "high");
        Instant reported = Instant.parse(incident.get("reportedAt").asString());

        JsonNode response = clock(incident.get("id").asString(), "response");
        JsonNode resolution = clock(incident.get("id").asString(), "resolution");

        assertThat(Instant.parse(response.get("dueAt").asString())).isEqualTo(reported.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(response.get("warnAt").asString())).isEqualTo(reported.plus(Duration.ofMinutes(45)));
        assertThat(Instant.parse(resolution.get("dueAt").asString())).isEqualTo(reported.plus(Duration.ofHours(8)));
        assertThat(response.get("standing").asString()).isEqualTo("on-track");
        assertThat(response.get("calendar").isNull()).isTrue();
    }

    @Test
    void givingAnIncidentAnOwnerMeetsItsResponseClockAndAnAssignmentWithoutOneDoesNot() {
        var owner = users.userNamed("sla-owner-" + run, Set.of(Role.HANDLER));
        JsonNode incident = report(handler, "low", "low");
        String id = incident.get("id").asString();

        JsonNode withoutOwner = handler.post(
                        "/api/v1/incidents/" + id + "/assign",
                        Map.of("version", incident.get("version").asLong()))
                .json();
        assertThat(withoutOwner.get("acknowledgedAt").isNull()).isTrue();
        assertThat(clock(id, "response").get("state").asString()).isEqualTo("running");

        JsonNode owned = handler.post(
                        "/api/v1/incidents/" + id + "/assign",
                        Map.of(
                                "owner",
                                owner.id().toString(),
                                "version",
                                withoutOwner.get("version").asLong()))
                .json();
        assertThat(owned.get("status").asString())
                .as("still new: taking it on is the acknowledgement")
                .isEqualTo("new");
        assertThat(owned.get("acknowledgedAt").isNull()).isFalse();
        assertThat(clock(id, "response").get("state").asString()).isEqualTo("met");
    }

    @Test
    void aRefusedAcknowledgementOfAConfidentialIncidentLeavesNoAuditedRead() {
        io.cairn.identity.TeamId team = users.teamNamed("SLA desk " + run);
        var member = users.userNamed("sla-member-" + run, Set.of(Role.HANDLER), team);
        ApiClient.Answer created = handler.post(
                "/api/v1/incidents",
                Map.of(
                        "title",
                        "Confidential " + run,
                        "description",
                        "Only for the desk",
                        "impact",
                        "low",
                        "urgency",
                        "low",
                        "confidential",
                        true,
                        "team",
                        team.toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        ApiClient.Answer refused = client(member).post("/api/v1/incidents/" + id + "/sla/acknowledge", Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from audit_record where object_id = ? and action like "
                                + "'incident.viewed-%' and actor_id = ?")
                        .param(id)
                        .param(member.id().toString())
                        .query(Long.class)
                        .single())
                .as("the refused caller saw nothing, so read nothing")
                .isZero();
    }

    @Test
    void theClockPausesInAPausingStatusAndResumesWhenTheIncidentMovesOn() {
        ApiClient.Answer policy = admin.put(
                "/api/v1/sla/policies/P4",
                Map.of("responseTarget", "16h", "resolutionTarget", "80h", "pauseStatuses", List.of("triage")));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        try {
            JsonNode incident = report(handler, "low", "low");
            String id = incident.get("id").asString();
            assertThat(clock(id, "resolution").get("state").asString()).isEqualTo("running");

            JsonNode triaged = handler.post(
                            "/api/v1/incidents/" + id + "/transition",
                            Map.of(
                                    "to",
                                    "triage",
                                    "version",
                                    incident.get("version").asLong()))
                    .json();
            JsonNode paused = clock(id, "resolution");
            assertThat(paused.get("state").asString()).isEqualTo("paused");
            assertThat(paused.get("dueAt").isNull()).isTrue();
            assertThat(clock(id, "response").get("state").asString()).isEqualTo("met");

            handler.post(
                    "/api/v1/incidents/" + id + "/transition",
                    Map.of("to", "analysis", "version", triaged.get("version").asLong()));
            JsonNode resumed = clock(id, "resolution");
            assertThat(resumed.get("state").asString()).isEqualTo("running");
            assertThat(resumed.get("dueAt").isNull()).isFalse();
        } finally {
            admin.put("/api/v1/sla/policies/P4", Map.of("responseTarget", "16h", "resolutionTarget", "80h"));
        }
    }

    @Test
    void reprioritisingMeasuresTheClocksAgainstTheNewPriority() {
        JsonNode incident = report(handler, "low", "high");
        String id = incident.get("id").asString();
        Instant reported = Instant.parse(incident.get("reportedAt").asString());

        ApiClient.Answer raised = handler.post(
                "/api/v1/incidents/" + id + "/reprioritise",
                Map.of(
                        "impact",
                        "high",
                        "urgency",
                        "high",
                        "version",
                        incident.get("version").asLong()));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);

        Instant after = Instant.now();

        // the working time used on the office-hours calendar of P3 is kept; P1 counts around the clock from then on
        JsonNode resolution = clock(id, "resolution");
        assertThat(resolution.get("priority").asString()).isEqualTo("P1");
        assertThat(resolution.get("target").asString()).isEqualTo("PT8H");
        assertThat(resolution.get("calendar").isNull()).isTrue();
        Duration used = Duration.parse(resolution.get("consumed").asString());
        assertThat(Instant.parse(resolution.get("dueAt").asString()))
                .isBetween(reported.plus(Duration.ofHours(8)).minus(used), after.plus(Duration.ofHours(8)));
    }

    @Test
    void twoScansAtOnceRecordEachBreachOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        Instant latest = Instant.EPOCH;
        for (int i = 0; i < 12; i++) {
            JsonNode incident = report(handler, "high", "high");
            ids.add(incident.get("id").asString());
            latest = Instant.parse(incident.get("reportedAt").asString());
        }
        Instant now = latest.plus(Duration.ofHours(9));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SlaScanReport> first = pool.submit(() -> sla.scan(now));
            Future<SlaScanReport> second = pool.submit(() -> sla.scan(now));
            assertThat(first.get().breaches() + second.get().breaches()).isGreaterThanOrEqualTo(24);
        } finally {
            pool.shutdown();
        }

        for (String id : ids) {
            for (String kind : List.of("response", "resolution")) {
                assertThat(jdbc.sql("select count(*) from audit_record where action = 'sla.breached' "
                                        + "and object_id = ?")
                                .param(id + "/" + kind)
                                .query(Long.class)
                                .single())
                        .as(id + " " + kind)
                        .isEqualTo(1);
            }
            assertThat(clock(id, "resolution").get("standing").asString()).isEqualTo("breached");
        }
        assertThat(sla.scan(now).breaches()).isZero();
    }

    @Test
    void theOpenApiDescriptionListsTheSlaEndpointsWithSummaries() {
        JsonNode paths = new ApiClient(port, null).get("/v3/api-docs").json().get("paths");
        for (String path : List.of(
                "/api/v1/sla/calendars",
                "/api/v1/sla/calendars/{id}",
                "/api/v1/sla/policies",
                "/api/v1/sla/policies/{priority}",
                "/api/v1/sla/escalation-levels",
                "/api/v1/sla/escalation-levels/{id}",
                "/api/v1/incidents/{id}/sla",
                "/api/v1/incidents/{id}/sla/acknowledge",
                "/api/v1/sla/scan",
                "/api/v1/notifications",
                "/api/v1/notifications/messages/{id}/read")) {
            assertThat(paths.has(path)).as(path).isTrue();
            paths.get(path)
                    .properties()
                    .forEach(operation -> assertThat(operation.getValue().get("summary"))
                            .as(path + " " + operation.getKey())
                            .isNotNull());
        }
    }

    @Test
    void changingACalendarMeasuresTheOpenClocksOnItAnew() {
        String otherDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .plusDays(3)
                .getDayOfWeek()
                .name()
                .toLowerCase(java.util.Locale.ROOT);
        JsonNode calendar = admin.post(
                        "/api/v1/sla/calendars",
                        Map.of("name", "Rare " + run, "zone", "UTC", "week", Map.of(otherDay, List.of("09:00-17:00"))))
                .json();
        String id = calendar.get("id").asString();
        assertThat(admin.put(
                                "/api/v1/sla/policies/P2",
                                Map.of("responseTarget", "4h", "resolutionTarget", "24h", "calendar", id))
                        .status())
                .isEqualTo(200);
        try {
            JsonNode incident = report(handler, "high", "medium");
            Instant before = Instant.parse(clock(incident.get("id").asString(), "response")
                    .get("dueAt")
                    .asString());
            assertThat(before).isAfter(Instant.now().plus(Duration.ofDays(1)));

            Map<String, Object> week = new HashMap<>();
            for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
                week.put(day, List.of("00:00-24:00"));
            }
            ApiClient.Answer changed = admin.put(
                    "/api/v1/sla/calendars/" + id,
                    Map.of(
                            "name",
                            "Rare " + run,
                            "zone",
                            "UTC",
                            "week",
                            week,
                            "version",
                            calendar.get("version").asLong()));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

            Instant after = Instant.parse(clock(incident.get("id").asString(), "response")
                    .get("dueAt")
                    .asString());
            assertThat(after)
                    .isBetween(
                            Instant.now().plus(Duration.ofHours(3)),
                            Instant.now().plus(Duration.ofHours(4)));
        } finally {
            admin.put(
                    "/api/v1/sla/policies/P2",
                    Map.of(
                            "responseTarget",
                            "4h",
                            "resolutionTarget",
                            "24h",
                            "calendar",
                            "00000000-0000-4000-8000-0000000005a1"));
        }
    }
}
