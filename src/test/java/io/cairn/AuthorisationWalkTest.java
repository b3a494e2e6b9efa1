package io.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.compliance.ComplianceFixture;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every role against every operation of the API, on the objects it must not touch: another reporter's incident, a
 * confidential incident of another team, another team's task, another alert source, someone else's tokens, views and
 * messages, and everything only admins, auditors or coordinators may change. Each attempt must be refused (403 or
 * 404), and nothing may change: no audit record of a change by the caller, and the same state of every object of
 * the walk. The reads the table allows must work, so that it stays true both ways.
 *
 * <p>The operations come from the OpenAPI document, and {@link #ACCESS} says for each who may call it: a new endpoint
 * without an entry fails {@link #everyOperationSaysWhoMayCallIt}, so nobody adds one without deciding its access.
 */
class AuthorisationWalkTest extends ApiClient.OnServer {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
    private static final Set<Role> HANDLING = EnumSet.of(Role.HANDLER, Role.COORDINATOR);
    private static final Set<Role> REPORTING =
            EnumSet.of(Role.REPORTER, Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER);
    /** Those who see every incident that is not confidential. */
    private static final Set<Role> STAFF =
            EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR);

    private static final Set<Role> STAFF_AND_ADMINS =
            EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.ADMIN);
    /** Those who record an incident's regulatory facts and decisions (handlers only on incidents they handle). */
    private static final Set<Role> RECORDERS = EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER);
    /** Those who read the legal entities and their regulatory profile. */
    private static final Set<Role> ENTITY_READERS = EnumSet.of(Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.ADMIN);
    /** Those who read the breach register and the deadlines across incidents. */
    /** Those who read every metric; a handler reads those of their own team only, which MetricsApiTest shows. */
    private static final Set<Role> METRIC_READERS = EnumSet.of(Role.COORDINATOR, Role.ADMIN, Role.AUDITOR);

    private static final Set<Role> REGISTER_READERS = EnumSet.of(Role.COORDINATOR, Role.PRIVACY_OFFICER);
    /** Those who see and change the people a breach's notice goes to. */
    private static final Set<Role> PRIVACY_OFFICERS = EnumSet.of(Role.PRIVACY_OFFICER);
    /** Those who read the risk register. */
    private static final Set<Role> RISK_READERS = EnumSet.of(Role.COORDINATOR, Role.ADMIN, Role.AUDITOR);
    /** Those who change the risk register. */
    private static final Set<Role> RISK_WRITERS = EnumSet.of(Role.COORDINATOR, Role.ADMIN);
    /** Those who read the schedules of security procedures, and those who change them. */
    private static final Set<Role> SCHEDULE_READERS = EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.ADMIN);

    private static final Set<Role> SCHEDULE_WRITERS = EnumSet.of(Role.COORDINATOR, Role.ADMIN);
    /** Those who assign work to people, and so read the users, devices, rules and playbooks. */
    private static final Set<Role> ASSIGNING = EnumSet.of(Role.ADMIN, Role.HANDLER, Role.COORDINATOR);

    /** Who may call each operation of the API, by method and path as the OpenAPI document names them. */
    static final Map<String, Rule> ACCESS = new LinkedHashMap<>();

    static {
        // --- open to anyone, or to every signed-in user for their own things ----------------------------------------
        open("GET /api/v1/public/report-templates");
        open("POST /api/v1/public/reports");
        open("POST /api/v1/public/follow-up");
        open("POST /api/v1/public/follow-up/replies");
        open("POST /api/v1/public/follow-up/attachments");
        self("GET /api/v1/me");
        self("PUT /api/v1/me");
        self("POST /api/v1/me/password");
        self("POST /api/v1/me/tokens");
        self("POST /api/v1/me/views");
        self("GET /api/v1/notifications/unread-count");
        access("GET /api/v1/me/tokens", ownList(Kind.TOKEN));
        access("GET /api/v1/me/views", ownList(Kind.VIEW));
        access("GET /api/v1/me/devices", ownList(Kind.DEVICE));
        access("GET /api/v1/notifications", ownList(Kind.MESSAGE));
        access("POST /api/v1/notifications/read-all", ownOnly());
        access("DELETE /api/v1/me/tokens/{id}", on(Kind.TOKEN, NOBODY));
        access("DELETE /api/v1/me/views/{id}", on(Kind.VIEW, NOBODY));
        access("POST /api/v1/notifications/messages/{id}/read", on(Kind.MESSAGE, NOBODY));
        access("GET /api/v1/me/reports/{id}", on(Kind.OWN_REPORT, NOBODY));
        access(
                "POST /api/v1/me/reports/{id}/replies",
                on(Kind.OWN_REPORT, NOBODY).body((f, t) -> Map.of("text", "not my report")));

        // --- incidents ----------------------------------------------------------------------------------------------
        access(
                "POST /api/v1/incidents",
                on(Kind.NONE, REPORTING)
                        .body((f, t) -> Map.of("title", "Walk " + f.next(), "description", "should not be stored")));
        access("GET /api/v1/incidents", list(EVERYONE, Kind.INCIDENT));
        access("GET /api/v1/incidents/{id}", on(Kind.INCIDENT, EVERYONE));
        access("GET /api/v1/incidents/{id}/timeline", on(Kind.INCIDENT, EVERYONE));
        access("GET /api/v1/incidents/{id}/links", on(Kind.INCIDENT, EVERYONE));
        access(
                "POST /api/v1/incidents/{id}/assign",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) -> Map.of("team", f.otherTeam.toString(), "version", f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/reprioritise",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) -> Map.of("impact", "low", "urgency", "low", "version", f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/recategorise",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) -> Map.of(
                                "category",
                                Map.of("rsitClass", "fraud", "rsitType", "phishing"),
                                "version",
                                f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/transition",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("to", "triage", "version", f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/mark",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) ->
                                Map.of("tlp", "RED", "pap", "RED", "confidential", true, "version", f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/describe",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) ->
                                Map.of("title", "Renamed", "description", "rewritten", "version", f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/detection",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) ->
                                Map.of("source", "external", "detectedBy", "customer", "version", f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/times",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) -> Map.of("occurredAt", "2026-01-01T00:00:00Z", "version", f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/notes",
                on(Kind.INCIDENT, EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER))
                        .body((f, t) -> Map.of("text", "a note")));
        access(
                "POST /api/v1/incidents/{id}/links",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("target", f.linkTarget, "kind", "related")));
        access(
                "POST /api/v1/incidents/{id}/merge",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("target", f.linkTarget, "version", f.version(t))));
        access(
                "POST /api/v1/incidents/{id}/questions",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("text", "a question")));
        access(
                "POST /api/v1/incidents/{id}/triage",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("decision", "accept", "version", f.version(t))));
        access(
                "POST /api/v1/incidents/bulk",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) -> Map.of("incidents", List.of(t.id()), "action", "transition", "to", "triage"))
                        .refusedWhen(AuthorisationWalkTest::noneDone));
        access(
                "PUT /api/v1/incidents/{id}/services",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("services", List.of(), "version", f.version(t))));
        access("GET /api/v1/veris/vocabulary", on(Kind.NONE, EVERYONE));
        access("GET /api/v1/incidents/{id}/veris", on(Kind.INCIDENT, STAFF));
        access("GET /api/v1/incidents/{id}/veris/export", on(Kind.INCIDENT, STAFF));
        access(
                "PUT /api/v1/incidents/{id}/veris",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) ->
                                Map.of("actions", List.of(Map.of("category", "unknown")), "version", f.version(t))));
        // evidence: read by staff who read the incident in full, entered, checked and corrected by its handlers (and
        // the
        // item's custodian), handed over by the custodian only, signed off by the receiver only
        String evidence = "/api/v1/incidents/{id}/evidence";
        access("GET " + evidence, on(Kind.INCIDENT, STAFF));
        access("POST " + evidence, on(Kind.INCIDENT, HANDLING).body((f, t) -> f.evidenceItem()));
        access(
                "POST " + evidence + "/files",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Raw.file("walk.txt", "not for you")));
        access("GET " + evidence + "/{item}", on(Kind.EVIDENCE, STAFF));
        access("GET " + evidence + "/{item}/content", on(Kind.EVIDENCE, STAFF));
        access("GET " + evidence + "/{item}/custody.pdf", on(Kind.EVIDENCE, STAFF));
        access(
                "POST " + evidence + "/{item}/transfers",
                on(Kind.EVIDENCE, NOBODY)
                        .body((f, t) -> Map.of(
                                "to",
                                f.evidenceReceiver.id().toString(),
                                "purpose",
                                "walk",
                                "storageLocation",
                                "walk",
                                "version",
                                f.version(t))));
        access("POST " + evidence + "/{item}/transfers/{transfer}/accept", on(Kind.EVIDENCE, NOBODY));
        access(
                "POST " + evidence + "/{item}/transfers/{transfer}/decline",
                on(Kind.EVIDENCE, NOBODY).body((f, t) -> Map.of("reason", "not mine")));
        access(
                "POST " + evidence + "/{item}/transfers/{transfer}/withdraw",
                on(Kind.EVIDENCE, NOBODY).body((f, t) -> Map.of("reason", "not yours")));
        access(
                "POST " + evidence + "/{item}/corrections",
                on(Kind.EVIDENCE, HANDLING)
                        .body((f, t) -> Map.of(
                                "field", "source", "value", "walked", "reason", "walk", "version", f.version(t))));
        access("POST " + evidence + "/{item}/integrity-checks", on(Kind.EVIDENCE, HANDLING));
        access("GET /api/v1/evidence/awaiting-my-sign-off", ownList(Kind.EVIDENCE));
        access("GET /api/v1/observable-types", on(Kind.NONE, EVERYONE));
        access("GET /api/v1/incidents/{id}/observables", on(Kind.INCIDENT, STAFF));
        access(
                "POST /api/v1/incidents/{id}/observables",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) -> Map.of("type", "domain-name", "value", "walk-" + f.next() + ".example")));
        access(
                "PATCH /api/v1/incidents/{id}/observables/{observableId}",
                on(Kind.OBSERVABLE, HANDLING).body((f, t) -> Map.of("tlp", "CLEAR", "version", f.version(t))));
        access(
                "DELETE /api/v1/incidents/{id}/observables/{observableId}",
                on(Kind.OBSERVABLE, HANDLING).query((f, t) -> "version=" + f.version(t)));
        access(
                "GET /api/v1/observables",
                on(Kind.NONE, STAFF).query((f, t) -> "type=ipv4-addr&value=" + f.sharedAddress));
        access("GET /api/v1/priority-matrix", on(Kind.NONE, EVERYONE));
        access("PUT /api/v1/priority-matrix", on(Kind.NONE, ADMINS).body((f, t) -> f.matrix()));
        access("GET /api/v1/categories", on(Kind.NONE, EVERYONE));

        // --- intake -------------------------------------------------------------------------------------------------
        access(
                "POST /api/v1/alerts",
                on(Kind.ALERT_SOURCE, NOBODY)
                        .body((f, t) -> Map.of(
                                "source",
                                t.id(),
                                "reference",
                                f.alertReference,
                                "severity",
                                "high",
                                "title",
                                "Hijack")));
        access("GET /api/v1/alert-sources", on(Kind.NONE, ADMINS));
        access(
                "POST /api/v1/alert-sources",
                on(Kind.NONE, ADMINS).body((f, t) -> Map.of("key", "walk-" + f.next(), "senders", List.of())));
        access("GET /api/v1/alert-sources/{key}", on(Kind.ALERT_SOURCE, ADMINS));
        access(
                "PUT /api/v1/alert-sources/{key}",
                on(Kind.ALERT_SOURCE, ADMINS)
                        .body((f, t) -> Map.of("senders", List.of(), "enabled", false, "version", f.version(t))));
        access(
                "DELETE /api/v1/alert-sources/{key}",
                on(Kind.ALERT_SOURCE, ADMINS).query((f, t) -> "version=" + f.version(t)));
        access("GET /api/v1/report-templates", on(Kind.NONE, EVERYONE));
        access("GET /api/v1/report-templates/{key}", on(Kind.TEMPLATE, EVERYONE));
        access(
                "POST /api/v1/report-templates",
                on(Kind.NONE, ADMINS).body((f, t) -> Map.of("key", "walk-" + f.next(), "content", f.templateContent)));
        access(
                "PUT /api/v1/report-templates/{key}",
                on(Kind.TEMPLATE, ADMINS)
                        .body((f, t) -> Map.of("content", f.templateContent, "version", f.version(t))));
        access(
                "POST /api/v1/report-templates/{key}/retirement",
                on(Kind.TEMPLATE, ADMINS).body((f, t) -> Map.of("retired", true, "version", f.version(t))));
        access(
                "PUT /api/v1/report-template-order",
                on(Kind.NONE, ADMINS).body((f, t) -> Map.of("keys", f.templateOrder())));
        access(
                "POST /api/v1/reports",
                on(Kind.NONE, REPORTING)
                        .body((f, t) -> Map.of("template", "something-else", "answers", Map.of("what", "walk"))));
        access("GET /api/v1/incidents/{id}/report", on(Kind.INCIDENT, EVERYONE));
        access("GET /api/v1/incidents/{id}/attachments", on(Kind.INCIDENT, EVERYONE));
        access(
                "POST /api/v1/incidents/{id}/attachments",
                on(Kind.INCIDENT, EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER))
                        .body((f, t) -> Raw.file("walk.txt", "not for you")));
        access("GET /api/v1/incidents/{id}/attachments/{attachment}", on(Kind.ATTACHMENT, EVERYONE));

        // --- identity -----------------------------------------------------------------------------------------------
        access("GET /api/v1/users", on(Kind.NONE, ASSIGNING));
        access(
                "POST /api/v1/users",
                on(Kind.NONE, ADMINS)
                        .body((f, t) -> Map.of(
                                "username", "walk-" + f.next(), "displayName", "Walk", "roles", List.of("ADMIN"))));
        access("GET /api/v1/users/{id}", on(Kind.USER, ASSIGNING));
        access(
                "PUT /api/v1/users/{id}",
                on(Kind.USER, ADMINS)
                        .body((f, t) -> Map.of(
                                "displayName",
                                "Taken over",
                                "roles",
                                List.of("ADMIN"),
                                "enabled",
                                true,
                                "version",
                                f.version(t))));
        access("POST /api/v1/users/{id}/password-reset", on(Kind.USER, ADMINS).body((f, t) -> Map.of()));
        access("GET /api/v1/teams", on(Kind.NONE, EVERYONE));
        access("POST /api/v1/teams", on(Kind.NONE, ADMINS).body((f, t) -> Map.of("name", "Walk " + f.next())));
        access(
                "PUT /api/v1/teams/{id}",
                on(Kind.TEAM, ADMINS)
                        .body((f, t) ->
                                Map.of("team", Map.of("name", "Renamed " + f.next()), "version", f.version(t))));
        access("GET /api/v1/business-units", on(Kind.NONE, EVERYONE));
        access("POST /api/v1/business-units", on(Kind.NONE, ADMINS).body((f, t) -> Map.of("name", "Walk " + f.next())));
        access(
                "PUT /api/v1/business-units/{id}",
                on(Kind.BUSINESS_UNIT, ADMINS)
                        .body((f, t) -> Map.of(
                                "businessUnit", Map.of("name", "Renamed " + f.next()), "version", f.version(t))));

        // --- handling: routing, playbooks, tasks, SLAs ------------------------------------------------------------
        access("GET /api/v1/routing-rules", on(Kind.NONE, ASSIGNING));
        access("GET /api/v1/routing-rules/{id}", on(Kind.ROUTING_RULE, ASSIGNING));
        access(
                "POST /api/v1/routing-rules",
                on(Kind.NONE, ADMINS)
                        .body((f, t) -> Map.of(
                                "name",
                                "Walk " + f.next(),
                                "team",
                                f.team.toString(),
                                "ownerStrategy",
                                "NONE",
                                "enabled",
                                true)));
        access(
                "PUT /api/v1/routing-rules/{id}",
                on(Kind.ROUTING_RULE, ADMINS)
                        .body((f, t) -> Map.of(
                                "name",
                                "Renamed " + f.next(),
                                "team",
                                f.otherTeam.toString(),
                                "ownerStrategy",
                                "NONE",
                                "enabled",
                                true,
                                "version",
                                f.version(t))));
        access(
                "POST /api/v1/routing-rules/{id}/move",
                on(Kind.ROUTING_RULE, ADMINS).body((f, t) -> Map.of("direction", "up")));
        access("DELETE /api/v1/routing-rules/{id}", on(Kind.ROUTING_RULE, ADMINS));
        access("GET /api/v1/playbooks", on(Kind.NONE, ASSIGNING));
        access("GET /api/v1/playbooks/{id}", on(Kind.PLAYBOOK, ASSIGNING));
        access("POST /api/v1/playbooks", on(Kind.NONE, ADMINS).body((f, t) -> f.playbook("walk-" + f.next())));
        access(
                "PUT /api/v1/playbooks/{id}",
                on(Kind.PLAYBOOK, ADMINS)
                        .body((f, t) -> f.playbook(f.playbookKey))
                        .query((f, t) -> "version=" + f.version(t)));
        access(
                "POST /api/v1/playbooks/{id}/retirement",
                on(Kind.PLAYBOOK, ADMINS).body((f, t) -> Map.of("retired", true, "version", f.version(t))));
        access("GET /api/v1/procedure-types", on(Kind.NONE, EVERYONE));
        access("GET /api/v1/procedure-types/controls", on(Kind.NONE, EVERYONE));
        access("GET /api/v1/procedure-types/{id}", on(Kind.PROCEDURE_TYPE, EVERYONE));
        access(
                "POST /api/v1/procedure-types",
                on(Kind.NONE, ADMINS).body((f, t) -> f.procedureType("walk-" + f.next())));
        access(
                "PUT /api/v1/procedure-types/{id}",
                on(Kind.PROCEDURE_TYPE, ADMINS)
                        .body((f, t) -> f.procedureType(f.procedureTypeKey))
                        .query((f, t) -> "version=" + f.version(t)));
        access(
                "POST /api/v1/procedure-types/{id}/retirement",
                on(Kind.PROCEDURE_TYPE, ADMINS).body((f, t) -> Map.of("retired", true, "version", f.version(t))));
        access("GET /api/v1/procedure-schedules", on(Kind.NONE, SCHEDULE_READERS));
        access("GET /api/v1/procedure-schedules/{id}", on(Kind.SCHEDULE, SCHEDULE_READERS));
        access("GET /api/v1/procedure-schedules/{id}/occurrences", on(Kind.SCHEDULE, SCHEDULE_READERS));
        access(
                "POST /api/v1/procedure-schedules/preview",
                on(Kind.NONE, SCHEDULE_READERS).body((f, t) -> f.schedule("Walk preview")));
        access(
                "POST /api/v1/procedure-schedules",
                on(Kind.NONE, SCHEDULE_WRITERS).body((f, t) -> f.schedule("Walk " + f.next())));
        access(
                "PUT /api/v1/procedure-schedules/{id}",
                on(Kind.SCHEDULE, SCHEDULE_WRITERS)
                        .body((f, t) -> f.schedule("Walk renamed"))
                        .query((f, t) -> "version=" + f.version(t)));
        access(
                "POST /api/v1/procedure-schedules/{id}/pause",
                on(Kind.SCHEDULE, SCHEDULE_WRITERS).query((f, t) -> "version=" + f.version(t)));
        access(
                "POST /api/v1/procedure-schedules/{id}/resume",
                on(Kind.SCHEDULE, SCHEDULE_WRITERS).query((f, t) -> "version=" + f.version(t)));
        access(
                "DELETE /api/v1/procedure-schedules/{id}",
                on(Kind.SCHEDULE, SCHEDULE_WRITERS).query((f, t) -> "version=" + f.version(t)));
        // runs of security procedures: read in full by the security staff (and their requester and owner), moved on
        // by their owner, coordinators and admins; a step is decided by its approver (here: any coordinator)
        Set<Role> runReaders = EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.ADMIN, Role.AUDITOR);
        Set<Role> runManagers = EnumSet.of(Role.COORDINATOR, Role.ADMIN);
        access(
                "POST /api/v1/procedure-runs",
                on(Kind.NONE, EVERYONE)
                        .body((f, t) -> Map.of("procedureType", f.runType, "values", Map.of("what", "walk"))));
        access("GET /api/v1/procedure-runs", list(EVERYONE, Kind.PROCEDURE_RUN));
        access("GET /api/v1/procedure-runs/{id}", on(Kind.PROCEDURE_RUN, runReaders));
        access(
                "POST /api/v1/procedure-runs/{id}/advance",
                on(Kind.PROCEDURE_RUN, runManagers).body((f, t) -> Map.of("version", f.version(t))));
        access(
                "POST /api/v1/procedure-runs/{id}/cancellation",
                on(Kind.PROCEDURE_RUN, runManagers)
                        .body((f, t) -> Map.of("reason", "taken over", "version", f.version(t))));
        access(
                "POST /api/v1/procedure-runs/{id}/incidents",
                on(Kind.PROCEDURE_RUN, runManagers)
                        .body((f, t) -> Map.of("title", "Taken over", "description", "not yours")));
        access(
                "POST /api/v1/procedure-runs/{id}/risks",
                on(Kind.PROCEDURE_RUN, RISK_WRITERS).body((f, t) -> newRisk(f)));
        access("GET /api/v1/procedure-runs/{id}/risks", on(Kind.PROCEDURE_RUN, RISK_READERS));
        access("GET /api/v1/procedure-steps", ownList(Kind.PROCEDURE_STEP));
        access("GET /api/v1/procedure-steps/{id}", on(Kind.PROCEDURE_STEP, runReaders));
        access(
                "POST /api/v1/procedure-steps/{id}/complete",
                on(Kind.PROCEDURE_STEP, runManagers).body((f, t) -> Map.of("version", f.version(t))));
        access(
                "POST /api/v1/procedure-steps/{id}/skip",
                on(Kind.PROCEDURE_STEP, runManagers)
                        .body((f, t) -> Map.of("reason", "taken over", "version", f.version(t))));
        access(
                "POST /api/v1/procedure-steps/{id}/decision",
                on(Kind.PROCEDURE_STEP, EnumSet.of(Role.COORDINATOR))
                        .body((f, t) -> Map.of("approved", true, "version", f.version(t))));
        // files attached to a step: by those who may decide it (here: any coordinator but the requester), read by
        // whoever reads the step
        access(
                "POST /api/v1/procedure-steps/{id}/attachments",
                on(Kind.PROCEDURE_STEP, EnumSet.of(Role.COORDINATOR))
                        .body((f, t) -> Raw.file("walk.txt", "not for you")));
        access("GET /api/v1/procedure-steps/{id}/attachments", on(Kind.PROCEDURE_STEP, runReaders));
        access("GET /api/v1/procedure-steps/{id}/attachments/{attachment}", on(Kind.PROCEDURE_STEP, runReaders));
        // the evidence of a control for auditors: auditors, coordinators and admins only, every run of the period
        Set<Role> evidenceReaders = EnumSet.of(Role.AUDITOR, Role.COORDINATOR, Role.ADMIN);
        for (String form : List.of("", ".csv", ".pdf")) {
            access(
                    "GET /api/v1/control-evidence" + form,
                    on(Kind.NONE, evidenceReaders).query((f, t) -> "control=A.5.18&from=2026-01-01&to=2026-12-31"));
        }
        access("GET /api/v1/tasks", list(EnumSet.of(Role.RESOLVER, Role.HANDLER, Role.COORDINATOR), Kind.TASK));
        access("GET /api/v1/tasks/{id}", on(Kind.TASK, NOBODY));
        access(
                "POST /api/v1/tasks/{id}/complete",
                on(Kind.TASK, EnumSet.of(Role.COORDINATOR))
                        .body((f, t) -> Map.of("note", "done by someone else", "version", f.version(t))));
        access(
                "POST /api/v1/tasks/{id}/skip",
                on(Kind.TASK, EnumSet.of(Role.COORDINATOR))
                        .body((f, t) -> Map.of("reason", "skipped by someone else", "version", f.version(t))));
        access(
                "POST /api/v1/tasks/{id}/reopen",
                on(Kind.TASK, EnumSet.of(Role.COORDINATOR)).body((f, t) -> Map.of("version", f.version(t))));
        access("GET /api/v1/incidents/{id}/tasks", on(Kind.INCIDENT, HANDLING));
        access(
                "POST /api/v1/incidents/{id}/tasks",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("title", "Walk", "team", f.otherTeam.toString())));
        access("GET /api/v1/sla/calendars", on(Kind.NONE, STAFF_AND_ADMINS));
        access("GET /api/v1/sla/calendars/{id}", on(Kind.CALENDAR, STAFF_AND_ADMINS));
        access(
                "POST /api/v1/sla/calendars",
                on(Kind.NONE, ADMINS).body((f, t) -> f.calendar("Walk " + f.next(), null)));
        access(
                "PUT /api/v1/sla/calendars/{id}",
                on(Kind.CALENDAR, ADMINS).body((f, t) -> f.calendar("Renamed " + f.next(), f.version(t))));
        access("DELETE /api/v1/sla/calendars/{id}", on(Kind.CALENDAR, ADMINS));
        access("GET /api/v1/sla/policies", on(Kind.NONE, STAFF_AND_ADMINS));
        access("GET /api/v1/sla/policies/{priority}", on(Kind.POLICY, STAFF_AND_ADMINS));
        access(
                "PUT /api/v1/sla/policies/{priority}",
                on(Kind.POLICY, ADMINS)
                        .body((f, t) ->
                                Map.of("responseTarget", "1m", "resolutionTarget", "2m", "version", f.version(t))));
        access("DELETE /api/v1/sla/policies/{priority}", on(Kind.POLICY, ADMINS));
        access("GET /api/v1/sla/escalation-levels", on(Kind.NONE, STAFF_AND_ADMINS));
        access(
                "POST /api/v1/sla/escalation-levels",
                on(Kind.NONE, ADMINS)
                        .body((f, t) -> Map.of(
                                "name",
                                "Walk " + f.next(),
                                "notifyKind",
                                "role",
                                "notifyTarget",
                                "coordinator",
                                "waitFor",
                                "1h")));
        access(
                "PUT /api/v1/sla/escalation-levels/{id}",
                on(Kind.ESCALATION_LEVEL, ADMINS)
                        .body((f, t) -> Map.of(
                                "name",
                                "Renamed " + f.next(),
                                "notifyKind",
                                "role",
                                "notifyTarget",
                                "auditor",
                                "waitFor",
                                "2h",
                                "version",
                                f.version(t))));
        access("DELETE /api/v1/sla/escalation-levels/{id}", on(Kind.ESCALATION_LEVEL, ADMINS));
        access("GET /api/v1/incidents/{id}/sla", on(Kind.INCIDENT, STAFF));
        access("POST /api/v1/incidents/{id}/sla/acknowledge", on(Kind.INCIDENT, EnumSet.of(Role.COORDINATOR)));
        access("POST /api/v1/sla/scan", on(Kind.NONE, ADMINS));

        // --- knowledge and reviews ----------------------------------------------------------------------------------
        access("GET /api/v1/knowledge/articles", list(EVERYONE, Kind.ARTICLE));
        access(
                "POST /api/v1/knowledge/articles",
                on(Kind.NONE, EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.ADMIN))
                        .body((f, t) -> Map.of(
                                "title", "Walk " + f.next(), "body", "text", "audience", "handlers", "version", 0)));
        access("GET /api/v1/knowledge/articles/{slug}", on(Kind.ARTICLE, EVERYONE));
        access(
                "PUT /api/v1/knowledge/articles/{slug}",
                on(Kind.ARTICLE, EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.ADMIN))
                        .body((f, t) -> Map.of(
                                "title",
                                "Rewritten",
                                "body",
                                "rewritten",
                                "audience",
                                "reporters",
                                "version",
                                f.version(t))));
        access("GET /api/v1/knowledge/articles/{slug}/revisions", on(Kind.ARTICLE, EVERYONE));
        access("GET /api/v1/knowledge/articles/{slug}/revisions/{revision}", on(Kind.ARTICLE, EVERYONE));
        access("GET /api/v1/incidents/{id}/suggested-articles", on(Kind.INCIDENT, EVERYONE));
        access("GET /api/v1/incidents/{id}/review", on(Kind.INCIDENT, STAFF));
        access(
                "PUT /api/v1/incidents/{id}/review",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) ->
                                Map.of("summary", "rewritten", "complete", false, "version", f.reviewVersion(t))));
        access(
                "POST /api/v1/incidents/{id}/review/actions",
                on(Kind.INCIDENT, HANDLING)
                        .body((f, t) -> Map.of(
                                "title",
                                "Walk",
                                "owner",
                                f.victim.id().toString(),
                                "dueOn",
                                LocalDate.now().plusDays(7).toString())));
        access(
                "POST /api/v1/corrective-actions/{id}/status",
                on(Kind.ACTION, EnumSet.of(Role.COORDINATOR))
                        .body((f, t) -> Map.of("done", true, "version", f.version(t))));
        access("GET /api/v1/corrective-actions", on(Kind.NONE, EnumSet.of(Role.COORDINATOR)));
        access("GET /api/v1/root-causes", on(Kind.NONE, EVERYONE));
        access(
                "POST /api/v1/root-causes",
                on(Kind.NONE, ADMINS).body((f, t) -> Map.of("key", "walk-" + f.next(), "label", "Walk")));
        access(
                "PUT /api/v1/root-causes/{key}",
                on(Kind.ROOT_CAUSE, ADMINS)
                        .body((f, t) -> Map.of("label", "Renamed", "retired", true, "version", f.version(t))));
        access("GET /api/v1/recurrences", on(Kind.NONE, EnumSet.of(Role.COORDINATOR)));
        access("GET /api/v1/incidents/{id}/recurrence-candidates", on(Kind.INCIDENT, HANDLING));

        // --- the risk register: coordinators and admins change it, auditors also read it, handlers do not -----------
        access("GET /api/v1/metrics", on(Kind.NONE, METRIC_READERS));
        access("GET /api/v1/metrics/{metric}", on(Kind.METRIC, METRIC_READERS));
        access("GET /api/v1/metrics/{metric}.csv", on(Kind.METRIC, METRIC_READERS));
        access("GET /api/v1/forecasts", on(Kind.NONE, METRIC_READERS));
        access("GET /api/v1/forecasts/anomalies", on(Kind.NONE, METRIC_READERS));
        access("POST /api/v1/forecasts/fit", on(Kind.NONE, EnumSet.of(Role.COORDINATOR, Role.ADMIN)));
        access("GET /api/v1/maturity", on(Kind.NONE, METRIC_READERS));
        access(
                "PUT /api/v1/maturity/practices/{practice}",
                on(Kind.PRACTICE, ADMINS).body((f, t) -> Map.of("evidence", "Walk")));
        access(
                "DELETE /api/v1/maturity/practices/{practice}",
                on(Kind.PRACTICE, ADMINS).query((f, t) -> "version=0"));
        access("GET /api/v1/risks", list(RISK_READERS));
        access("GET /api/v1/risks.csv", list(RISK_READERS));
        access("GET /api/v1/risks/matrix", on(Kind.NONE, EVERYONE));
        access(
                "POST /api/v1/risks",
                on(Kind.NONE, RISK_WRITERS)
                        .body((f, t) -> Map.of(
                                "title",
                                "Walk " + f.next(),
                                "owner",
                                f.victim.id().toString(),
                                "likelihood",
                                "rare",
                                "impact",
                                "minor")));
        access("GET /api/v1/risks/{id}", on(Kind.RISK, RISK_READERS));
        access(
                "PUT /api/v1/risks/{id}",
                on(Kind.RISK, RISK_WRITERS)
                        .body((f, t) -> Map.of(
                                "title", "Renamed", "owner", f.victim.id().toString(), "version", f.version(t))));
        access(
                "POST /api/v1/risks/{id}/assessment",
                on(Kind.RISK, RISK_WRITERS)
                        .body((f, t) -> Map.of("likelihood", "likely", "impact", "severe", "version", f.version(t))));
        access(
                "POST /api/v1/risks/{id}/materialize",
                on(Kind.RISK, RISK_WRITERS).body((f, t) -> Map.of("version", f.version(t))));
        access(
                "POST /api/v1/risks/{id}/close",
                on(Kind.RISK, RISK_WRITERS).body((f, t) -> Map.of("reason", "accepted", "version", f.version(t))));
        access(
                "POST /api/v1/risks/{id}/reopen",
                on(Kind.RISK, RISK_WRITERS).body((f, t) -> Map.of("version", f.version(t))));

        access("GET /api/v1/risks/{id}/links", on(Kind.RISK, RISK_READERS));
        access("GET /api/v1/risks/{id}/proposals", on(Kind.RISK, RISK_READERS));
        access("GET /api/v1/risks/{id}/corrective-actions", on(Kind.RISK, RISK_READERS));
        access(
                "POST /api/v1/risks/{id}/corrective-actions",
                on(Kind.RISK, RISK_WRITERS)
                        .body((f, t) -> Map.of("action", UUID.randomUUID().toString(), "version", f.version(t))));
        access("GET /api/v1/corrective-actions/{id}/risks", on(Kind.ACTION, RISK_READERS));
        access(
                "POST /api/v1/corrective-actions/{id}/risks",
                on(Kind.ACTION, RISK_WRITERS).body((f, t) -> newRisk(f)));
        access(
                "POST /api/v1/risks/{id}/proposals/{incident}/accept",
                on(Kind.RISK, RISK_WRITERS).body((f, t) -> Map.of("version", f.version(t))));
        access("POST /api/v1/risks/{id}/proposals/{incident}/dismiss", on(Kind.RISK, RISK_WRITERS));
        access("GET /api/v1/risks/heat-map", on(Kind.NONE, RISK_READERS));
        access("GET /api/v1/risks/trend", on(Kind.NONE, RISK_READERS));
        access(
                "POST /api/v1/risks/{id}/incidents",
                on(Kind.RISK, RISK_WRITERS).body((f, t) -> Map.of("incident", f.linkTarget)));
        access("DELETE /api/v1/risks/{id}/incidents/{incident}", on(Kind.RISK, RISK_WRITERS));
        access("GET /api/v1/risks/{id}/origins", on(Kind.RISK, RISK_READERS));
        access(
                "POST /api/v1/risks/{id}/assets",
                on(Kind.RISK, RISK_WRITERS)
                        .body((f, t) -> Map.of(
                                "kind", "device", "asset", UUID.randomUUID().toString())));
        access("DELETE /api/v1/risks/{id}/assets/{kind}/{asset}", on(Kind.RISK, RISK_WRITERS));
        access("GET /api/v1/incidents/{id}/risks", on(Kind.INCIDENT, RISK_READERS));

        // --- notifications, devices, audit --------------------------------------------------------------------------
        access("GET /api/v1/notifications/dead-letters", on(Kind.NONE, ADMINS));
        access("GET /api/v1/notifications/{id}", on(Kind.NOTIFICATION, ADMINS));
        access("POST /api/v1/notifications/{id}/retry", on(Kind.NOTIFICATION, ADMINS));
        access("GET /api/v1/devices", on(Kind.NONE, ASSIGNING));
        access(
                "POST /api/v1/devices",
                on(Kind.NONE, ADMINS)
                        .body((f, t) -> Map.of("name", "Walk", "kind", "laptop", "identifier", "walk-" + f.next())));
        access(
                "POST /api/v1/devices/import",
                on(Kind.NONE, ADMINS)
                        .body((f, t) -> Raw.csv("name,kind,identifier\nWalk,laptop,walk-" + f.next() + "\n")));
        access("GET /api/v1/devices/{id}", on(Kind.DEVICE, ASSIGNING));
        access(
                "PUT /api/v1/devices/{id}/holder",
                on(Kind.DEVICE, ADMINS).body((f, t) -> Map.of("version", f.version(t))));
        access("GET /api/v1/devices/{id}/holdings", on(Kind.DEVICE, ASSIGNING));
        access("GET /api/v1/devices/{id}/holder", on(Kind.DEVICE, ASSIGNING).query((f, t) -> "at=" + Instant.now()));
        access("GET /api/v1/services", on(Kind.NONE, ASSIGNING));
        access("GET /api/v1/services/{id}", on(Kind.SERVICE, ASSIGNING));
        access(
                "POST /api/v1/services",
                on(Kind.NONE, ADMINS)
                        .body((f, t) -> Map.of(
                                "name", "Walk " + f.next(), "ownerTeam", f.team.toString(), "criticality", "low")));
        access(
                "PATCH /api/v1/services/{id}",
                on(Kind.SERVICE, ADMINS).body((f, t) -> Map.of("name", "Taken over", "version", f.version(t))));
        access("DELETE /api/v1/services/{id}", on(Kind.SERVICE, ADMINS).query((f, t) -> "version=" + f.version(t)));
        access("GET /api/v1/audit/records", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));

        // --- compliance ---------------------------------------------------------------------------------------------
        access("GET /api/v1/compliance/regimes", on(Kind.NONE, STAFF_AND_ADMINS));
        access("GET /api/v1/compliance/regimes/{id}", on(Kind.REGIME, STAFF_AND_ADMINS));
        access("GET /api/v1/compliance/regime-files", on(Kind.NONE, ADMINS));
        access("POST /api/v1/compliance/regime-files/reload", on(Kind.NONE, ADMINS));
        access("GET /api/v1/compliance/legal-entities", on(Kind.NONE, ENTITY_READERS));
        access("GET /api/v1/compliance/legal-entities/{id}", on(Kind.LEGAL_ENTITY, ENTITY_READERS));
        access(
                "POST /api/v1/compliance/legal-entities",
                on(Kind.NONE, ADMINS).body((f, t) -> legalEntity("Walk " + f.next(), null)));
        access(
                "PUT /api/v1/compliance/legal-entities/{id}",
                on(Kind.LEGAL_ENTITY, ADMINS).body((f, t) -> legalEntity("Taken over " + f.next(), f.version(t))));
        access("GET /api/v1/incidents/{id}/compliance", on(Kind.INCIDENT, STAFF));
        access("GET /api/v1/incidents/{id}/compliance/facts/{fact}", on(Kind.INCIDENT, STAFF));
        access("GET /api/v1/incidents/{id}/compliance/decisions/{kind}", on(Kind.INCIDENT, STAFF));
        access(
                "PUT /api/v1/incidents/{id}/compliance/facts/{fact}",
                on(Kind.INCIDENT, RECORDERS)
                        .body((f, t) ->
                                Map.of("at", "2025-01-01T00:00:00Z", "justification", "taken over", "version", 1)));
        access(
                "PUT /api/v1/incidents/{id}/compliance/decisions/{kind}",
                on(Kind.INCIDENT, RECORDERS)
                        .body((f, t) -> Map.of("result", "unlikely", "rationale", "taken over", "version", 1)));
        access("GET /api/v1/compliance/obligations", on(Kind.NONE, EnumSet.of(Role.COORDINATOR, Role.PRIVACY_OFFICER)));
        access("GET /api/v1/compliance/obligations/rebase-candidates", on(Kind.NONE, ADMINS));
        access("GET /api/v1/compliance/obligations/{obligation}/rebase", on(Kind.OBLIGATION, ADMINS));
        access(
                "POST /api/v1/compliance/obligations/{obligation}/rebase",
                on(Kind.OBLIGATION, ADMINS).body((f, t) -> Map.of("version", f.version(t))));
        String report = "/api/v1/incidents/{id}/compliance/obligations/{obligation}/stages/{stage}";
        access("GET " + report + "/submission", on(Kind.STAGE, STAFF));
        access("GET " + report + "/submission/json", on(Kind.STAGE, STAFF));
        access("GET " + report + "/submission/pdf", on(Kind.STAGE, STAFF));
        access("GET " + report + "/submissions/{submission}/json", on(Kind.STAGE, STAFF));
        access("GET " + report + "/submissions/{submission}/pdf", on(Kind.STAGE, STAFF));
        access(
                "PUT " + report + "/submission",
                on(Kind.STAGE, RECORDERS)
                        .body((f, t) -> Map.of("fields", Map.of("measures", "taken over"), "version", 2)));
        access(
                "POST " + report + "/submissions",
                on(Kind.STAGE, RECORDERS)
                        .body((f, t) -> Map.of("channel", "e-mail", "recipient", "someone else", "version", 2)));
        // the register holds every assessed breach, confidential ones too, for those who keep it (GDPR Art 33(5)):
        // without the evidence, as BreachRegisterServerTest shows
        String notice = "/api/v1/incidents/{id}/compliance/obligations/{obligation}/notice";
        access("GET " + notice, on(Kind.STAGE, STAFF));
        access("GET " + notice + "/people", on(Kind.STAGE, PRIVACY_OFFICERS));
        access("GET " + notice + "/text", on(Kind.STAGE, STAFF));
        access("GET " + notice + "/preview", on(Kind.STAGE, STAFF));
        access(
                "PUT " + notice + "/text",
                on(Kind.STAGE, PRIVACY_OFFICERS)
                        .body((f, t) -> Map.of("texts", Map.of("en", Map.of("measures", "taken over")), "version", 0)));
        access(
                "POST " + notice + "/people",
                on(Kind.STAGE, PRIVACY_OFFICERS)
                        .body((f, t) -> Raw.file("people.csv", "name,e-mail,language\nWalk,walk@example.org,en\n")));
        access("POST " + notice + "/send", on(Kind.STAGE, PRIVACY_OFFICERS).body((f, t) -> Map.of("version", 0)));
        access("GET " + notice + "/unknown", on(Kind.STAGE, PRIVACY_OFFICERS));
        access(
                "POST " + notice + "/settle",
                on(Kind.STAGE, PRIVACY_OFFICERS)
                        .body((f, t) -> Map.of("deliveries", List.of(1), "outcome", "resend", "note", "checked")));
        access("GET /api/v1/compliance/breach-register", list(REGISTER_READERS));
        access("GET /api/v1/compliance/breach-register.csv", list(REGISTER_READERS));
        access("GET /api/v1/compliance/breach-register.pdf", list(REGISTER_READERS));
        access("GET /api/v1/compliance/deadlines", list(REGISTER_READERS, Kind.STAGE));
        access("POST /api/v1/compliance/calendar-feed", on(Kind.NONE, REGISTER_READERS));
        access("DELETE /api/v1/compliance/calendar-feed", on(Kind.NONE, REGISTER_READERS));
        // the feed's secret address is its only key: a wrong one is refused as DeadlineServerTest shows
        open("GET /api/v1/public/calendar/{token}/deadlines.ics");

        // --- federation ---------------------------------------------------------------------------------------------
        access("GET /api/v1/federation/keys", on(Kind.NONE, ADMINS));
        access(
                "POST /api/v1/federation/keys/rotation",
                on(Kind.NONE, ADMINS).body((f, t) -> Map.of("activeKid", "walk")));
        access("GET /api/v1/federation/peers", on(Kind.NONE, ADMINS));
        access(
                "POST /api/v1/federation/peers",
                on(Kind.NONE, ADMINS)
                        .body((f, t) -> Map.of(
                                "name",
                                "Walk",
                                "baseUrl",
                                "https://walk-" + f.next() + ".example",
                                "role",
                                "provider")));
        access("GET /api/v1/federation/peers/{id}", on(Kind.PEER, ADMINS));
        access(
                "PUT /api/v1/federation/peers/{id}",
                on(Kind.PEER, ADMINS)
                        .body((f, t) -> Map.of(
                                "name",
                                "Taken over",
                                "baseUrl",
                                "https://taken-over.example",
                                "role",
                                "customer",
                                "version",
                                f.version(t))));
        access(
                "POST /api/v1/federation/peers/{id}/suspension",
                on(Kind.PEER, ADMINS).body((f, t) -> Map.of("suspended", true, "version", f.version(t))));
        access(
                "POST /api/v1/federation/peers/{id}/keys/refresh",
                on(Kind.PEER, ADMINS).body((f, t) -> Map.of("version", f.version(t))));
        access(
                "DELETE /api/v1/federation/peers/{id}",
                on(Kind.PEER, ADMINS).query((f, t) -> "version=" + f.version(t)));
        access("GET /api/v1/federation/subscriptions", on(Kind.NONE, ADMINS));
        access(
                "PUT /api/v1/federation/subscriptions/{id}/rule",
                on(Kind.SUBSCRIPTION, ADMINS)
                        .body((f, t) -> Map.of("rule", Map.of("minSeverity", "high"), "version", f.version(t))));
        access("GET /api/v1/federation/upstream-subscriptions", on(Kind.NONE, ADMINS));
        access(
                "POST /api/v1/federation/upstream-subscriptions",
                on(Kind.NONE, ADMINS)
                        .body((f, t) -> Map.of("provider", UUID.randomUUID().toString())));
        access(
                "DELETE /api/v1/federation/upstream-subscriptions/{id}",
                on(Kind.UPSTREAM_SUBSCRIPTION, ADMINS).query((f, t) -> "version=" + f.version(t)));
        access("GET /api/v1/federation/peers/{id}/catalogue", on(Kind.PEER, ADMINS));
        access("POST /api/v1/federation/peers/{id}/catalogue/refresh", on(Kind.PEER, ADMINS));
        access("GET /api/v1/federation/witnessing", on(Kind.NONE, EnumSet.of(Role.ADMIN, Role.AUDITOR)));
        access("POST /api/v1/federation/peers/{id}/witnessing", on(Kind.PEER, ADMINS));
        access("DELETE /api/v1/federation/peers/{id}/witnessing", on(Kind.PEER, ADMINS));
        access("GET /api/v1/federation/deliveries", on(Kind.NONE, ADMINS));
        access("GET /api/v1/federation/peers/{id}/deliveries", on(Kind.PEER, ADMINS));
        access("POST /api/v1/federation/peers/{id}/deliveries/retry", on(Kind.PEER, ADMINS));
        access("POST /api/v1/federation/deliveries/{message}/retry", on(Kind.DELIVERY, ADMINS));
        access("GET /api/v1/incidents/{id}/publication", on(Kind.INCIDENT, HANDLING));
        access(
                "POST /api/v1/incidents/{id}/publication",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("subscriptions", List.of())));
        access(
                "PUT /api/v1/incidents/{id}/publication",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("summary", "Walk", "version", 1)));
        access(
                "POST /api/v1/incidents/{id}/publication/retraction",
                on(Kind.INCIDENT, HANDLING).body((f, t) -> Map.of("reason", "Walk", "version", 1)));
        access("POST /api/v1/federation/upstream-subscriptions/{id}/catch-up", on(Kind.UPSTREAM_SUBSCRIPTION, ADMINS));
        access("GET /api/v1/audit/verify", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));
        access("GET /api/v1/audit/export", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));
        access("POST /api/v1/audit/checkpoints", on(Kind.NONE, EnumSet.of(Role.AUDITOR, Role.ADMIN)));
        access("GET /api/v1/audit/checkpoints", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));
        access("GET /api/v1/audit/checkpoints/latest", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));
        access("GET /api/v1/audit/checkpoint", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));
        access("GET /api/v1/audit/checkpoint-log", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));
        access("GET /api/v1/audit/checkpoint-key", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));
        access("GET /api/v1/audit/cosigned-checkpoint", on(Kind.NONE, EnumSet.of(Role.AUDITOR)));
        access(
                "GET /api/v1/audit/proofs/inclusion",
                on(Kind.NONE, EnumSet.of(Role.AUDITOR)).query((f, t) -> "seq=1"));
        access(
                "GET /api/v1/audit/proofs/consistency",
                on(Kind.NONE, EnumSet.of(Role.AUDITOR)).query((f, t) -> "from=1"));
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyOperationSaysWhoMayCallIt() {
        Set<String> documented = operations();

        assertThat(documented.stream()
                        .filter(operation -> !ACCESS.containsKey(operation))
                        .toList())
                .as("operations whose access nobody decided: add each to AuthorisationWalkTest.ACCESS")
                .isEmpty();
        assertThat(ACCESS.keySet().stream()
                        .filter(operation -> !documented.contains(operation))
                        .toList())
                .as("entries of AuthorisationWalkTest.ACCESS for operations that no longer exist")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRoleIsRefusedWhatItMustNotTouch() {
        Fixture fixture = new Fixture();
        Map<Role, TestUser> callers = new EnumMap<>(Role.class);
        TeamId theirTeam = fixture.otherTeam;
        for (Role role : Role.values()) {
            callers.put(role, users.user(role.name().toLowerCase(Locale.ROOT), Set.of(role), theirTeam));
        }
        List<DynamicTest> walk = new ArrayList<>();
        for (String operation : new TreeSet<>(operations())) {
            Rule rule = ACCESS.get(operation);
            if (rule == null || rule.shape() == Shape.OPEN || rule.shape() == Shape.SELF) {
                continue;
            }
            for (Role role : Role.values()) {
                walk.add(DynamicTest.dynamicTest(
                        role.name().toLowerCase(Locale.ROOT) + ": " + operation,
                        () -> fixture.attempt(operation, rule, callers.get(role), role)));
            }
        }
        return walk.stream();
    }

    /** The operations of the OpenAPI document, which the server makes on its first request: slowly on a busy machine. */
    private Set<String> operations() {
        JsonNode paths = new ApiClient(port, null)
                .get("/v3/api-docs", Duration.ofMinutes(3))
                .json()
                .get("paths");
        Set<String> operations = new TreeSet<>();
        paths.properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method ->
                                operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private static boolean noneDone(ApiClient.Answer answer) {
        return answer.status() == 200
                && answer.json()
                        .valueStream()
                        .noneMatch(result -> result.get("done").asBoolean());
    }

    // --- the table's vocabulary --------------------------------------------------------------------------------------

    /** How an operation is walked. */
    enum Shape {
        /** Open to anyone, signed in or not: nothing to refuse. */
        OPEN,
        /** Any signed-in user, on their own things only: nothing of anyone else's is named. */
        SELF,
        /** Any signed-in user, on their own things only; called, and nobody else's things may change. */
        OWN_ONLY,
        /** A list: its callers get only what they may see, anyone else is refused. */
        LIST,
        /** A list of the caller's own things: nobody else's is in it. */
        OWN_LIST,
        /** On an object, or on none: anyone but its callers is refused, and they on what they do not see. */
        OBJECT
    }

    /** What the ids in an operation's path name, each kind with the objects of the walk. */
    enum Kind {
        NONE,
        INCIDENT,
        OWN_REPORT,
        TASK,
        ACTION,
        ATTACHMENT,
        /** An evidence item of a confidential incident, with a transfer awaiting its receiver's sign-off. */
        EVIDENCE,
        OBSERVABLE,
        ALERT_SOURCE,
        TEMPLATE,
        USER,
        TEAM,
        BUSINESS_UNIT,
        TOKEN,
        VIEW,
        MESSAGE,
        NOTIFICATION,
        DEVICE,
        SERVICE,
        ARTICLE,
        ROOT_CAUSE,
        CALENDAR,
        POLICY,
        ESCALATION_LEVEL,
        PLAYBOOK,
        PROCEDURE_TYPE,
        SCHEDULE,
        /** A run of a security procedure that the walk's callers neither asked for nor own. */
        PROCEDURE_RUN,
        /** The approval of that run, which any coordinator decides. */
        PROCEDURE_STEP,
        ROUTING_RULE,
        PEER,
        SUBSCRIPTION,
        UPSTREAM_SUBSCRIPTION,
        DELIVERY,
        REGIME,
        LEGAL_ENTITY,
        OBLIGATION,
        /** An obligation's stage with its report to the authority: the breach's incident names it in lists. */
        STAGE,
        RISK,
        /** A metric of reporting, by its name. */
        METRIC,
        /** A practice of the maturity model that admins record. */
        PRACTICE
    }

    /** A legal entity's profile as the API takes it; with the version read when it is a change. */
    /** A risk as the register takes it, owned by the walk's victim. */
    private static Map<String, Object> newRisk(Fixture fixture) {
        return Map.of(
                "title", "Walk", "owner", fixture.victim.id().toString(), "likelihood", "rare", "impact", "minor");
    }

    private static Map<String, Object> legalEntity(String name, @Nullable Long version) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name", name,
                "jurisdictions", List.of("NL"),
                "nis2", "important",
                "doraFinancialEntity", false,
                "gdprRole", "controller",
                "supervisoryAuthorityName", "Autoriteit Persoonsgegevens",
                "supervisoryAuthorityContact", "https://autoriteitpersoonsgegevens.nl"));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    /**
     * Who may call an operation.
     *
     * @param callers the roles that may call it on the objects of its kind that they see
     * @param hides for a list, the kinds of object it must not show to those who do not see them
     * @param refusedWhen an answer that is a refusal in the product's own terms although its status is 2xx
     */
    record Rule(
            Shape shape,
            Set<Role> callers,
            Kind kind,
            List<Kind> hides,
            @Nullable BiFunction<Fixture, Target, Object> body,
            @Nullable BiFunction<Fixture, Target, String> query,
            @Nullable Predicate<ApiClient.Answer> refusedWhen) {

        Rule body(BiFunction<Fixture, Target, Object> requestBody) {
            return new Rule(shape, callers, kind, hides, requestBody, query, refusedWhen);
        }

        Rule query(BiFunction<Fixture, Target, String> queryString) {
            return new Rule(shape, callers, kind, hides, body, queryString, refusedWhen);
        }

        Rule refusedWhen(Predicate<ApiClient.Answer> refusal) {
            return new Rule(shape, callers, kind, hides, body, query, refusal);
        }
    }

    private static void access(String operation, Rule rule) {
        if (ACCESS.put(operation, rule) != null) {
            throw new IllegalStateException("two rules for " + operation);
        }
    }

    private static void open(String operation) {
        access(operation, new Rule(Shape.OPEN, EVERYONE, Kind.NONE, List.of(), null, null, null));
    }

    private static void self(String operation) {
        access(operation, new Rule(Shape.SELF, EVERYONE, Kind.NONE, List.of(), null, null, null));
    }

    private static Rule ownOnly() {
        return new Rule(Shape.OWN_ONLY, EVERYONE, Kind.NONE, List.of(), null, null, null);
    }

    private static Rule ownList(Kind... hides) {
        return new Rule(Shape.OWN_LIST, EVERYONE, Kind.NONE, List.of(hides), null, null, null);
    }

    private static Rule list(Set<Role> callers, Kind... hides) {
        return new Rule(Shape.LIST, callers, Kind.NONE, List.of(hides), null, null, null);
    }

    private static Rule on(Kind kind, Set<Role> callers) {
        return new Rule(Shape.OBJECT, callers, kind, List.of(), null, null, null);
    }

    /**
     * An object of the walk.
     *
     * @param path the values of the path's variables that name it
     * @param seenBy the roles that see it at all, when they are not its owner or in its team
     * @param id what names it in answers
     * @param version how to read its version, an SQL query; null when it has none
     */
    record Target(
            String name,
            Map<String, String> path,
            Set<Role> seenBy,
            String id,
            @Nullable String version) {}

    /** A breach of the walk: its incident, its GDPR obligation, and its one submission to the authority. */
    record Breach(String incident, String obligation, String submission) {

        /** The path of its report to the authority, and of its submission. */
        Map<String, String> stage() {
            return Map.of(
                    "id",
                    incident,
                    "obligation",
                    obligation,
                    "stage",
                    "supervisory-authority",
                    "submission",
                    submission);
        }

        /** The version of its report's draft, and how many submissions it has: each changes with a report. */
        String version() {
            return "select (select string_agg(version::text, ',') from compliance_submission_draft where obligation_id"
                    + " = '" + obligation + "') || '/' || (select count(*) from compliance_submission where"
                    + " obligation_id = '" + obligation + "')";
        }
    }

    /** A request body that is not JSON. */
    record Raw(String contentType, byte[] content) {

        static Raw csv(String text) {
            return new Raw("text/csv", text.getBytes(StandardCharsets.UTF_8));
        }

        /** An evidence file with the facts of its collection, as a multipart form. */
        static Raw evidence(String name, String text) {
            String boundary = "walk" + UUID.randomUUID().toString().replace("-", "");
            StringBuilder body = new StringBuilder();
            Map.of(
                            "kind", "mail-file",
                            "description", "Inbox rules exported",
                            "source", "CFO mailbox",
                            "collectedAt", "2026-01-01T00:00:00Z",
                            "collectedWhere", "Exchange Online",
                            "collectedHow", "Get-InboxRule export",
                            "storageLocation", "Cairn")
                    .forEach((field, value) -> body.append("--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n"));
            body.append("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n");
            return new Raw(
                    "multipart/form-data; boundary=" + boundary, body.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Raw file(String name, String text) {
            String boundary = "walk" + UUID.randomUUID().toString().replace("-", "");
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
            return new Raw("multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    // --- the objects of the walk -------------------------------------------------------------------------------------

    /**
     * The objects the callers must not touch, made by an admin who handles incidents in their team: another
     * reporter's incident, a confidential incident of that team with a task, a review with a corrective action and an
     * attachment, an alert source with an alert, the reporter's token, view, device and message, and one object of each
     * kind that only admins change.
     */
    final class Fixture {

        private final AtomicInteger counter = new AtomicInteger();
        private final ApiClient setup;
        private final TestUser owner;
        final TestUser victim;
        final TeamId team;
        final TeamId otherTeam;
        final String linkTarget;
        final TestUser evidenceReceiver;
        final String sharedAddress;
        final String alertReference;
        final String playbookKey;
        final String procedureTypeKey;
        final String procedureTypeId;
        final String runType;
        final JsonNode templateContent;
        private final Map<Kind, List<Target>> targets = new EnumMap<>(Kind.class);
        private final String state;
        /**
         * The last record of the audit trail before the walk: the callers are made after it, so that each of their
         * records comes after it, and counting them reads the walk's records (by the primary key) rather than the
         * whole trail of the shared database, twice for each of some two thousand attempts.
         */
        private final long trailBefore;

        Fixture() {
            trailBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_record")
                    .query(Long.class)
                    .single();
            String s = Long.toString(System.nanoTime(), 36);
            team = users.team("cert");
            otherTeam = users.team("soc");
            owner = users.user("owner", Set.of(Role.ADMIN, Role.HANDLER, Role.COORDINATOR), team);
            setup = client(owner);
            victim = users.user("victim", Set.of(Role.REPORTER));
            ApiClient reporter = client(victim);

            String open = created(reporter.post(
                            "/api/v1/reports",
                            Map.of(
                                    "template",
                                    "something-else",
                                    "answers",
                                    Map.of("what", "My laptop was stolen from the car " + s))))
                    .get("incident")
                    .asString();
            String confidential = created(setup.post(
                            "/api/v1/reports",
                            Map.of(
                                    "template",
                                    "something-else",
                                    "answers",
                                    Map.of("what", "A forwarding rule in the CFO's mailbox " + s),
                                    "confidential",
                                    true)))
                    .get("incident")
                    .asString();
            ok(setup.post(
                    "/api/v1/incidents/" + confidential + "/assign", Map.of("team", team.toString(), "version", 0)));
            linkTarget = created(setup.post(
                            "/api/v1/incidents", Map.of("title", "Related " + s, "description", "another incident")))
                    .get("id")
                    .asString();
            record(open);
            record(confidential);
            target(
                    Kind.INCIDENT,
                    "another reporter's incident",
                    Map.of("id", open, "fact", "gdpr.awareness", "kind", "gdpr-risk"),
                    STAFF,
                    open,
                    "select version from incident where id = '" + open + "'");
            target(
                    Kind.INCIDENT,
                    "a confidential incident of another team",
                    Map.of("id", confidential, "fact", "gdpr.awareness", "kind", "gdpr-risk"),
                    EnumSet.of(Role.COORDINATOR, Role.AUDITOR),
                    confidential,
                    "select version from incident where id = '" + confidential + "'");
            target(Kind.OWN_REPORT, "another reporter's report", Map.of("id", open), NOBODY, open, null);
            jdbc.sql("update sla_clock set breached_at = now() where incident_id in (?::uuid, ?::uuid)")
                    .params(open, confidential)
                    .update();

            String task = created(setup.post(
                            "/api/v1/incidents/" + confidential + "/tasks",
                            Map.of("title", "Reset the CFO's password", "team", team.toString())))
                    .get("id")
                    .asString();
            target(
                    Kind.TASK,
                    "another team's task",
                    Map.of("id", task),
                    EnumSet.of(Role.COORDINATOR),
                    task,
                    "select version from task where id = '" + task + "'");
            ok(setup.put(
                    "/api/v1/incidents/" + confidential + "/review",
                    Map.of("summary", "so far", "complete", false, "version", 0)));
            String action = created(setup.post(
                            "/api/v1/incidents/" + confidential + "/review/actions",
                            Map.of(
                                    "title",
                                    "Block forwarding",
                                    "owner",
                                    owner.id().toString(),
                                    "dueOn",
                                    LocalDate.now().plusDays(7).toString())))
                    .get("id")
                    .asString();
            target(
                    Kind.ACTION,
                    "a corrective action of a confidential incident",
                    Map.of("id", action),
                    EnumSet.of(Role.COORDINATOR, Role.AUDITOR),
                    action,
                    "select version from corrective_action where id = '" + action + "'");
            Raw file = Raw.file("headers.txt", "Received: from evil.example");
            String attachment = created(setup.postRaw(
                            "/api/v1/incidents/" + confidential + "/attachments",
                            file.contentType(),
                            HttpRequest.BodyPublishers.ofByteArray(file.content())))
                    .get("id")
                    .asString();
            target(
                    Kind.ATTACHMENT,
                    "an attachment of a confidential incident",
                    Map.of("id", confidential, "attachment", attachment),
                    EnumSet.of(Role.COORDINATOR, Role.AUDITOR),
                    attachment,
                    null);

            evidenceReceiver = users.user("evidence-receiver", Set.of(Role.HANDLER), team);
            Raw evidenceFile = Raw.evidence("mailbox-rules.txt", "forward to evil@example.org");
            String item = created(setup.postRaw(
                            "/api/v1/incidents/" + confidential + "/evidence/files",
                            evidenceFile.contentType(),
                            HttpRequest.BodyPublishers.ofByteArray(evidenceFile.content())))
                    .get("id")
                    .asString();
            String transfer = created(setup.post(
                            "/api/v1/incidents/" + confidential + "/evidence/" + item + "/transfers",
                            Map.of(
                                    "to",
                                    evidenceReceiver.id().toString(),
                                    "purpose",
                                    "analysis",
                                    "storageLocation",
                                    "lab",
                                    "version",
                                    1)))
                    .get("pendingTransfer")
                    .get("id")
                    .asString();
            target(
                    Kind.EVIDENCE,
                    "an evidence item of a confidential incident",
                    Map.of("id", confidential, "item", item, "transfer", transfer),
                    EnumSet.of(Role.COORDINATOR, Role.AUDITOR),
                    item,
                    "select version from evidence_item where id = '" + item + "'");

            sharedAddress = "192.0.2." + (1 + Math.floorMod(s.hashCode(), 250));
            ok(setup.post(
                    "/api/v1/incidents/" + open + "/observables", Map.of("type", "ipv4-addr", "value", sharedAddress)));
            String observable = created(setup.post(
                            "/api/v1/incidents/" + confidential + "/observables",
                            Map.of("type", "ipv4-addr", "value", sharedAddress)))
                    .get("id")
                    .asString();
            target(
                    Kind.OBSERVABLE,
                    "an observable of a confidential incident",
                    Map.of("id", confidential, "observableId", observable),
                    EnumSet.of(Role.COORDINATOR, Role.AUDITOR),
                    observable,
                    "select version from incident_observable where id = '" + observable + "'");

            String source = "walk-siem-" + s;
            TestUser sender = users.user("siem", Set.of(Role.REPORTER));
            created(setup.post("/api/v1/alert-sources", Map.of("key", source, "senders", List.of(sender.username()))));
            alertReference = "alert-" + s;
            created(client(sender)
                    .post(
                            "/api/v1/alerts",
                            Map.of(
                                    "source",
                                    source,
                                    "reference",
                                    alertReference,
                                    "severity",
                                    "high",
                                    "title",
                                    "Brute force")));
            target(
                    Kind.ALERT_SOURCE,
                    "another alert source",
                    Map.of("key", source),
                    EVERYONE,
                    source,
                    "select version from intake_alert_source where source_key = '" + source + "'");

            templateContent =
                    setup.get("/api/v1/report-templates/something-else").json().get("content");
            target(
                    Kind.TEMPLATE,
                    "a report template",
                    Map.of("key", "something-else"),
                    EVERYONE,
                    "something-else",
                    "select version from report_template where template_key = 'something-else'");
            target(
                    Kind.USER,
                    "another user",
                    Map.of("id", victim.id().toString()),
                    EVERYONE,
                    victim.id().toString(),
                    "select version from app_user where id = '" + victim.id() + "'");
            target(
                    Kind.TEAM,
                    "a team",
                    Map.of("id", team.toString()),
                    EVERYONE,
                    team.toString(),
                    "select version from team where id = '" + team + "'");
            String unit = created(setup.post("/api/v1/business-units", Map.of("name", "Retail " + s)))
                    .get("id")
                    .asString();
            target(
                    Kind.BUSINESS_UNIT,
                    "a business unit",
                    Map.of("id", unit),
                    EVERYONE,
                    unit,
                    "select version from business_unit where id = '" + unit + "'");

            String token = created(reporter.post("/api/v1/me/tokens", Map.of("name", "laptop")))
                    .get("token")
                    .get("id")
                    .asString();
            target(Kind.TOKEN, "another user's token", Map.of("id", token), NOBODY, token, null);
            String view = created(reporter.post("/api/v1/me/views", Map.of("name", "Mine", "query", "status=new")))
                    .get("id")
                    .asString();
            target(Kind.VIEW, "another user's saved view", Map.of("id", view), NOBODY, view, null);
            String message = UUID.randomUUID().toString();
            jdbc.sql("""
                    insert into notification_inbox (id, recipient_id, dedup_key, template, parameters, created_at)
                    values (?::uuid, ?, ?, 'sla-warning', '{}', now())""")
                    .params(message, victim.id().value(), "walk-" + message)
                    .update();
            target(Kind.MESSAGE, "another user's message", Map.of("id", message), NOBODY, message, null);
            String notification = UUID.randomUUID().toString();
            jdbc.sql("""
                    insert into notification_outbox (id, dedup_key, channel, recipient, template, language, parameters,
                        state, attempts, next_attempt_at, created_at, updated_at)
                    values (?::uuid, ?, 'mail', 'victim@example.org', 'sla-warning', 'en', '{}', 'dead', 8, now(),
                        now(), now())""").params(notification, "walk-" + notification).update();
            target(Kind.NOTIFICATION, "a dead letter", Map.of("id", notification), EVERYONE, notification, null);
            String device = created(setup.post(
                            "/api/v1/devices",
                            Map.of(
                                    "name",
                                    "Victim's laptop",
                                    "kind",
                                    "laptop",
                                    "identifier",
                                    "walk-" + s,
                                    "holder",
                                    victim.id().toString())))
                    .get("id")
                    .asString();
            target(
                    Kind.DEVICE,
                    "another user's device",
                    Map.of("id", device),
                    EVERYONE,
                    device,
                    "select version from device where id = '" + device + "'");
            String service = created(setup.post(
                            "/api/v1/services",
                            Map.of("name", "Walk service " + s, "ownerTeam", team.toString(), "criticality", "high")))
                    .get("id")
                    .asString();
            target(
                    Kind.SERVICE,
                    "a service",
                    Map.of("id", service),
                    EVERYONE,
                    service,
                    "select version from service where id = '" + service + "'");

            String slug = created(setup.post(
                            "/api/v1/knowledge/articles",
                            Map.of(
                                    "title",
                                    "Internal " + s,
                                    "body",
                                    "For the security team only",
                                    "audience",
                                    "handlers",
                                    "version",
                                    0)))
                    .get("article")
                    .get("slug")
                    .asString();
            target(
                    Kind.ARTICLE,
                    "an article for handlers",
                    Map.of("slug", slug, "revision", "1"),
                    STAFF_AND_ADMINS,
                    slug,
                    "select version from knowledge_article where slug = '" + slug + "'");
            String cause = "walk-" + s;
            created(setup.post("/api/v1/root-causes", Map.of("key", cause, "label", "Walk")));
            target(
                    Kind.ROOT_CAUSE,
                    "a root cause",
                    Map.of("key", cause),
                    EVERYONE,
                    cause,
                    "select version from root_cause where key = '" + cause + "'");
            String calendar = created(setup.post("/api/v1/sla/calendars", calendar("Walk " + s, null)))
                    .get("id")
                    .asString();
            target(
                    Kind.CALENDAR,
                    "a calendar",
                    Map.of("id", calendar),
                    EVERYONE,
                    calendar,
                    "select version from sla_calendar where id = '" + calendar + "'");
            target(Kind.REGIME, "a regime", Map.of("id", "gdpr"), EVERYONE, "gdpr", null);
            String entity = created(setup.post("/api/v1/compliance/legal-entities", legalEntity("Walk " + s, null)))
                    .get("id")
                    .asString();
            target(
                    Kind.LEGAL_ENTITY,
                    "a legal entity",
                    Map.of("id", entity),
                    EVERYONE,
                    entity,
                    "select version from legal_entity where id = '" + entity + "'");
            String risk = created(setup.post(
                            "/api/v1/risks",
                            Map.of(
                                    "title",
                                    "Walk " + s,
                                    "owner",
                                    owner.id().toString(),
                                    "likelihood",
                                    "possible",
                                    "impact",
                                    "major")))
                    .get("id")
                    .asString();
            ok(setup.post("/api/v1/risks/" + risk + "/incidents", Map.of("incident", linkTarget)));
            target(
                    Kind.RISK,
                    "a risk",
                    Map.of(
                            "id",
                            risk,
                            "incident",
                            linkTarget,
                            "kind",
                            "device",
                            "asset",
                            UUID.randomUUID().toString()),
                    EVERYONE,
                    risk,
                    "select version from risk where id = '" + risk + "'");
            String breachUnit = created(setup.post(
                            "/api/v1/business-units",
                            Map.of("name", "Walk unit " + s, "description", "walked", "legalEntity", entity)))
                    .get("id")
                    .asString();
            Breach breach = breach(breachUnit, "Leak " + s, false);
            target(
                    Kind.OBLIGATION,
                    "an obligation",
                    Map.of("obligation", breach.obligation()),
                    EVERYONE,
                    breach.obligation(),
                    "select version from compliance_obligation where id = '" + breach.obligation() + "'");
            target(Kind.STAGE, "a report of a breach", breach.stage(), STAFF, breach.incident(), breach.version());
            Breach confidentialBreach = breach(breachUnit, "Confidential leak " + s, true);
            target(
                    Kind.STAGE,
                    "a report of a confidential breach of another team",
                    confidentialBreach.stage(),
                    EnumSet.of(Role.COORDINATOR, Role.AUDITOR),
                    confidentialBreach.incident(),
                    confidentialBreach.version());
            target(
                    Kind.POLICY,
                    "an SLA policy",
                    Map.of("priority", "P4"),
                    EVERYONE,
                    "P4",
                    "select version from sla_policy where priority_level = 4");
            String level = created(setup.post(
                            "/api/v1/sla/escalation-levels",
                            Map.of(
                                    "name",
                                    "Walk " + s,
                                    "notifyKind",
                                    "role",
                                    "notifyTarget",
                                    "coordinator",
                                    "waitFor",
                                    "1h")))
                    .get("id")
                    .asString();
            target(
                    Kind.ESCALATION_LEVEL,
                    "an escalation level",
                    Map.of("id", level),
                    EVERYONE,
                    level,
                    "select version from sla_escalation_level where id = '" + level + "'");
            playbookKey = "walk-" + s;
            String playbook = created(setup.post("/api/v1/playbooks", playbook(playbookKey)))
                    .get("id")
                    .asString();
            target(
                    Kind.PLAYBOOK,
                    "a playbook",
                    Map.of("id", playbook),
                    EVERYONE,
                    playbook,
                    "select version from playbook where id = '" + playbook + "'");
            procedureTypeKey = "walk-type-" + s;
            String procedureType = created(setup.post("/api/v1/procedure-types", procedureType(procedureTypeKey)))
                    .get("id")
                    .asString();
            target(
                    Kind.PROCEDURE_TYPE,
                    "a procedure type",
                    Map.of("id", procedureType),
                    EVERYONE,
                    procedureType,
                    "select version from isms_procedure_type where id = '" + procedureType + "'");
            procedureTypeId = procedureType;
            String schedule = created(setup.post("/api/v1/procedure-schedules", schedule("Walk schedule " + s)))
                    .get("id")
                    .asString();
            target(
                    Kind.SCHEDULE,
                    "a schedule",
                    Map.of("id", schedule),
                    SCHEDULE_READERS,
                    schedule,
                    "select version from isms_schedule where id = '" + schedule + "'");
            runType = created(setup.post("/api/v1/procedure-types", runType("walk-run-type-" + s)))
                    .get("id")
                    .asString();
            JsonNode run =
                    created(setup.post("/api/v1/procedure-runs", Map.of("procedureType", runType, "values", Map.of())));
            String runId = run.get("id").asString();
            target(
                    Kind.PROCEDURE_RUN,
                    "a run of a security procedure",
                    Map.of("id", runId),
                    EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.ADMIN, Role.AUDITOR),
                    runId,
                    "select version from isms_procedure_run where id = '" + runId + "'");
            String step = run.get("phases")
                    .get(0)
                    .get("steps")
                    .get(0)
                    .get("work")
                    .get("id")
                    .asString();
            String stepAttachment = created(client(users.user("attacher", Set.of(Role.COORDINATOR)))
                            .postFile(
                                    "/api/v1/procedure-steps/" + step + "/attachments",
                                    "walk.txt",
                                    "text/plain",
                                    "walked".getBytes(StandardCharsets.UTF_8)))
                    .get("id")
                    .asString();
            target(
                    Kind.PROCEDURE_STEP,
                    "the approval of a run of a security procedure",
                    Map.of("id", step, "attachment", stepAttachment),
                    EnumSet.of(Role.HANDLER, Role.COORDINATOR, Role.ADMIN, Role.AUDITOR),
                    step,
                    "select version from isms_run_step where id = '" + step + "'");
            String rule = created(setup.post(
                            "/api/v1/routing-rules",
                            Map.of(
                                    "name",
                                    "Walk " + s,
                                    "rsitClass",
                                    "vulnerable",
                                    "team",
                                    team.toString(),
                                    "ownerStrategy",
                                    "NONE",
                                    "enabled",
                                    false)))
                    .get("id")
                    .asString();
            target(
                    Kind.ROUTING_RULE,
                    "a routing rule",
                    Map.of("id", rule),
                    EVERYONE,
                    rule,
                    "select version from routing_rule where id = '" + rule + "'");
            String peer = created(setup.post(
                            "/api/v1/federation/peers",
                            Map.of(
                                    "name",
                                    "Walk provider",
                                    "baseUrl",
                                    "https://walk-" + s + ".example",
                                    "role",
                                    "provider",
                                    "keys",
                                    publicKeys())))
                    .get("id")
                    .asString();
            target(
                    Kind.PEER,
                    "a peer",
                    Map.of("id", peer),
                    EVERYONE,
                    peer,
                    "select version from federation_peer where id = '" + peer + "'");
            String subscription = UUID.randomUUID().toString();
            String upstream = UUID.randomUUID().toString();
            jdbc.sql("""
                            insert into federation_subscription (id, peer_id, services, categories, state, created_at,
                                                                 updated_at, version)
                            values (?::uuid, ?::uuid, '{}', '{}', 'active', now(), now(), 0)""").params(subscription, peer).update();
            jdbc.sql("""
                            insert into federation_upstream_subscription (id, peer_id, services, categories, state,
                                                                          created_at, updated_at, version)
                            values (?::uuid, ?::uuid, '{}', '{}', 'active', now(), now(), 0)""").params(upstream, peer).update();
            target(
                    Kind.SUBSCRIPTION,
                    "a customer's subscription",
                    Map.of("id", subscription),
                    EVERYONE,
                    subscription,
                    "select version from federation_subscription where id = '" + subscription + "'");
            target(
                    Kind.UPSTREAM_SUBSCRIPTION,
                    "a subscription at a provider",
                    Map.of("id", upstream),
                    EVERYONE,
                    upstream,
                    "select version from federation_upstream_subscription where id = '" + upstream + "'");
            String delivery = UUID.randomUUID().toString();
            jdbc.sql("""
                    insert into federation_outbox (id, subscription_id, peer_id, incident_id, message_id, exchange_id,
                      exchange_version, kind, jws, state, attempts, next_attempt_at, created_at, updated_at, expires_at)
                    values (?::uuid, ?::uuid, ?::uuid, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 1,
                      'publication', 'a.b.c', 'dead', 3, now(), now(), now(), now() + interval '7 days')""").params(delivery, subscription, peer).update();
            target(Kind.DELIVERY, "a dead message", Map.of("message", delivery), EVERYONE, delivery, null);
            targets.put(Kind.NONE, List.of(new Target("nothing in particular", Map.of(), EVERYONE, "", null)));
            target(Kind.METRIC, "the volume metric", Map.of("metric", "volume"), EVERYONE, "volume", null);
            target(
                    Kind.PRACTICE,
                    "a recorded practice",
                    Map.of("practice", "prioritisation-policy"),
                    EVERYONE,
                    "prioritisation-policy",
                    null);
            // a signed checkpoint, for the auditors' reads of checkpoints and proofs
            ok(setup.post("/api/v1/audit/checkpoints", Map.of()));

            state = stateQuery(
                    List.of(open, confidential, linkTarget),
                    source,
                    unit,
                    token,
                    view,
                    message,
                    notification,
                    device,
                    slug,
                    cause);
        }

        int next() {
            return counter.incrementAndGet();
        }

        /** A peer's public keys, a JWK set of one EC P-256 key. */
        Map<String, Object> publicKeys() {
            try {
                return new com.nimbusds.jose.jwk.JWKSet(
                                new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                                        .keyIDFromThumbprint(true)
                                        .generate()
                                        .toPublicJWK())
                        .toJSONObject();
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        long version(Target target) {
            return jdbc.sql(Objects.requireNonNull(target.version(), target.name() + " has no version"))
                    .query(Long.class)
                    .single();
        }

        long reviewVersion(Target incident) {
            return jdbc.sql("select coalesce(max(version), 0) from incident_review where incident_id = ?::uuid")
                    .param(incident.id())
                    .query(Long.class)
                    .single();
        }

        Map<String, Object> matrix() {
            JsonNode matrix = setup.get("/api/v1/priority-matrix").json();
            return Map.of(
                    "impacts",
                    matrix.get("impacts"),
                    "urgencies",
                    matrix.get("urgencies"),
                    "priorities",
                    matrix.get("priorities"),
                    "cells",
                    matrix.get("cells"),
                    "version",
                    matrix.get("version").asLong());
        }

        List<String> templateOrder() {
            List<String> keys = new ArrayList<>(setup.get("/api/v1/report-templates?includeRetired=true")
                    .json()
                    .valueStream()
                    .map(template -> template.get("key").asString())
                    .toList());
            Collections.reverse(keys);
            return keys;
        }

        Map<String, Object> calendar(String name, @Nullable Long version) {
            Map<String, Object> calendar = new LinkedHashMap<>(Map.of(
                    "name",
                    name,
                    "zone",
                    "Europe/Amsterdam",
                    "week",
                    Map.of("monday", List.of("09:00-17:00")),
                    "holidays",
                    List.of()));
            if (version != null) {
                calendar.put("version", version);
            }
            return calendar;
        }

        Map<String, Object> playbook(String key) {
            return Map.of(
                    "key",
                    key,
                    "name",
                    "Walk " + key,
                    "description",
                    "",
                    "categories",
                    List.of(Map.of("rsitClass", "vulnerable")),
                    "steps",
                    List.of(Map.of("phase", "analysis", "title", "Look", "mandatory", false, "due", "PT4H")));
        }

        Map<String, Object> procedureType(String key) {
            return Map.of(
                    "key",
                    key,
                    "name",
                    "Walk " + key,
                    "phases",
                    List.of(Map.of("key", "check", "name", "Check")),
                    "steps",
                    List.of(Map.of("phase", "check", "title", "Look", "mandatory", false, "due", "P1D")),
                    "due",
                    "P2D");
        }

        Map<String, Object> schedule(String name) {
            return Map.of(
                    "name",
                    name,
                    "procedureType",
                    procedureTypeId,
                    "owner",
                    victim.username(),
                    "recurrence",
                    "FREQ=MONTHLY;BYDAY=1MO",
                    "firstDay",
                    "2027-01-01",
                    "time",
                    "09:00",
                    "zone",
                    "Europe/Amsterdam");
        }

        /** A procedure type whose runs start with an approval that any coordinator decides. */
        Map<String, Object> runType(String key) {
            return Map.of(
                    "key",
                    key,
                    "name",
                    "Walk " + key,
                    "form",
                    List.of(Map.of("key", "what", "label", "What", "kind", "text", "required", false)),
                    "phases",
                    List.of(Map.of("key", "check", "name", "Check")),
                    "steps",
                    List.of(
                            Map.of("phase", "check", "title", "Decide", "kind", "approval", "mandatory", true),
                            Map.of("phase", "check", "title", "Look", "mandatory", false, "due", "P1D")),
                    "due",
                    "P2D");
        }

        /** Tries the operation as the caller on every object they must not touch, and checks that nothing changed. */
        void attempt(String operation, Rule rule, TestUser caller, Role role) {
            ApiClient as = client(caller);
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            if (rule.shape() == Shape.LIST || rule.shape() == Shape.OWN_LIST) {
                String before = state(caller);
                ApiClient.Answer answer = as.get(template);
                if (rule.callers().contains(role)) {
                    assertThat(answer.status())
                            .as(role + " lists " + template + ": " + answer)
                            .isBetween(200, 299);
                    for (Kind hidden : rule.hides()) {
                        for (Target target : targets.get(hidden)) {
                            if (rule.shape() == Shape.OWN_LIST
                                    || !target.seenBy().contains(role)) {
                                assertThat(answer.body())
                                        .as(role + " must not find " + target.name() + " in " + template)
                                        .doesNotContain(target.id());
                            }
                        }
                    }
                } else {
                    assertRefused(answer, rule, role + " " + operation);
                }
                assertThat(state(caller))
                        .as("the state after " + role + " " + operation)
                        .isEqualTo(before);
                return;
            }
            if (rule.shape() == Shape.OWN_ONLY) {
                String before = objects();
                send(as, method, template, rule, targets.get(Kind.NONE).get(0));
                assertThat(objects())
                        .as("the objects of others after " + role + " " + operation)
                        .isEqualTo(before);
                return;
            }
            for (Target target : targets.get(rule.kind())) {
                if (rule.callers().contains(role) && target.seenBy().contains(role)) {
                    if (method.equals("GET")) {
                        // a read the table allows works, so that the table stays true both ways
                        ApiClient.Answer answer = send(as, method, template, rule, target);
                        assertThat(answer.status())
                                .as(role + " " + operation + " on " + target.name() + ": " + answer)
                                .isBetween(200, 299);
                    }
                    continue;
                }
                String before = state(caller);
                ApiClient.Answer answer = send(as, method, template, rule, target);
                String attempt = role + " " + operation + " on " + target.name();
                assertRefused(answer, rule, attempt);
                assertThat(state(caller)).as("the state after " + attempt).isEqualTo(before);
            }
        }

        private ApiClient.Answer send(ApiClient as, String method, String template, Rule rule, Target target) {
            String path = template;
            for (Map.Entry<String, String> variable : target.path().entrySet()) {
                path = path.replace("{" + variable.getKey() + "}", variable.getValue());
            }
            if (rule.query() != null) {
                path = path + "?" + rule.query().apply(this, target);
            }
            Object body = rule.body() == null ? Map.of() : rule.body().apply(this, target);
            if (body instanceof Raw raw) {
                return as.postRaw(path, raw.contentType(), HttpRequest.BodyPublishers.ofByteArray(raw.content()));
            }
            return switch (method) {
                case "GET" -> as.get(path);
                case "POST" -> as.post(path, body);
                case "PUT" -> as.put(path, body);
                case "PATCH" -> as.patch(path, body);
                case "DELETE" -> as.delete(path);
                default -> throw new IllegalArgumentException("no way to send " + method);
            };
        }

        private void assertRefused(ApiClient.Answer answer, Rule rule, String attempt) {
            if (rule.refusedWhen() != null && rule.refusedWhen().test(answer)) {
                return;
            }
            assertThat(answer.status()).as(attempt + " answered " + answer).isIn(403, 404);
        }

        /**
         * The caller's records of changes in the audit trail, and the state of every object of the walk. A read of a
         * confidential incident that the caller may see is recorded even when what they asked next is refused.
         */
        private String state(TestUser caller) {
            return jdbc.sql("select count(*) from audit_record where seq > ? and actor_id = ? and action not like "
                                    + "'incident.viewed-%'")
                            .params(trailBefore, caller.id().toString())
                            .query(Long.class)
                            .single()
                    + " audit records; " + objects();
        }

        private String objects() {
            return jdbc.sql(state).query(String.class).single();
        }

        /** Records awareness and a risk decision on an incident, so that its facts and decisions can be read. */
        private void record(String incident) {
            String compliance = "/api/v1/incidents/" + incident + "/compliance";
            ok(setup.put(
                    compliance + "/facts/gdpr.awareness",
                    Map.of("at", "2025-01-01T00:00:00Z", "justification", "walked", "version", 0)));
            ok(setup.put(
                    compliance + "/decisions/gdpr-risk",
                    Map.of("result", "risk", "rationale", "walked", "version", 0)));
        }

        /**
         * A breach of a business unit's legal entity, with a high risk: its incident (confidential, of the walk's team,
         * when asked), its GDPR obligation, and its report to the authority, submitted late once.
         */
        private Breach breach(String unit, String title, boolean confidential) {
            Map<String, Object> incident =
                    new java.util.HashMap<>(Map.of("title", title, "description", "walked", "businessUnit", unit));
            if (confidential) {
                incident.put("confidential", true);
                incident.put("team", team.toString());
            }
            String id =
                    created(setup.post("/api/v1/incidents", incident)).get("id").asString();
            record(id);
            String compliance = "/api/v1/incidents/" + id + "/compliance";
            ok(setup.put(
                    compliance + "/decisions/gdpr-risk",
                    Map.of("result", "high-risk", "rationale", "walked", "version", 1)));
            ok(setup.put(
                    compliance + "/decisions/personal-data-breach",
                    Map.of("result", "yes", "rationale", "walked", "version", 0)));
            String obligation = setup.get(compliance)
                    .json()
                    .path("obligations")
                    .get(0)
                    .path("id")
                    .asString();
            String stage = compliance + "/obligations/" + obligation + "/stages/supervisory-authority";
            ok(setup.put(
                    stage + "/submission",
                    Map.of("fields", ComplianceFixture.gdprReportFields("Walked"), "version", 0)));
            String submission = created(setup.post(
                            stage + "/submissions",
                            Map.of(
                                    "channel",
                                    "e-mail",
                                    "recipient",
                                    "Autoriteit Persoonsgegevens",
                                    "delayReason",
                                    "walked late",
                                    "version",
                                    1)))
                    .get("id")
                    .asString();
            return new Breach(id, obligation, submission);
        }

        private void target(
                Kind kind,
                String name,
                Map<String, String> path,
                Set<Role> seenBy,
                String id,
                @Nullable String version) {
            targets.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Target(name, path, seenBy, id, version));
        }

        /**
         * One query for the state of the walk's objects, of the lists they are in, and of every table whose rows only
         * admins change; ids are the walk's own, so they are written into it.
         */
        private String stateQuery(
                List<String> incidents,
                String source,
                String unit,
                String token,
                String view,
                String message,
                String notification,
                String device,
                String slug,
                String cause) {
            String ids = "'{" + String.join(",", incidents) + "}'::uuid[]";
            List<String> parts = List.of(
                    rows("incident", "id = any(" + ids + ")"),
                    "(select count(*) from incident)::text",
                    "(select count(*) from incident_timeline where incident_id = any(" + ids + "))::text",
                    "(select count(*) from incident_link)::text",
                    rows("task", "incident_id = any(" + ids + ")"),
                    rows("incident_review", "incident_id = any(" + ids + ")"),
                    rows("corrective_action", "incident_id = any(" + ids + ")"),
                    "(select count(*) from intake_attachment where incident_id = any(" + ids + "))::text",
                    rows("intake_alert", "source = '" + source + "'"),
                    rows("intake_alert_source", "true"),
                    rows("intake_alert_sender", "true"),
                    rows("app_user", "id = '" + victim.id() + "'"),
                    rows("user_role", "user_id = '" + victim.id() + "'"),
                    "(select count(*) from app_user)::text",
                    rows("team", "true"),
                    rows("business_unit", "id = '" + unit + "'"),
                    "(select count(*) from business_unit)::text",
                    rows("api_token", "id = '" + token + "'"),
                    rows("saved_view", "id = '" + view + "'"),
                    rows("notification_inbox", "id = '" + message + "'"),
                    rows("notification_outbox", "id = '" + notification + "'"),
                    rows("device", "true"),
                    rows("service", "true"),
                    "(select count(*) from incident_service)::text",
                    "(select count(*) from incident_veris)::text",
                    "(select count(*) || '/' || coalesce(sum(version), 0) from evidence_item)::text",
                    "(select count(*) from evidence_custody_entry)::text",
                    "(select count(*) from isms_step_attachment)::text",
                    "(select count(*) from service_dependency)::text",
                    "(select count(*) from device_holding)::text",
                    rows("knowledge_article", "slug = '" + slug + "'"),
                    "(select count(*) from knowledge_article)::text",
                    rows("root_cause", "true"),
                    rows("sla_calendar", "true"),
                    rows("legal_entity", "true"),
                    rows("risk", "true"),
                    rows("risk_incident", "true"),
                    rows("risk_asset", "true"),
                    rows("compliance_submission_draft", "true"),
                    "(select string_agg(id::text, ',' order by id) from compliance_submission)",
                    rows("compliance_calendar_token", "true"),
                    rows("compliance_notice", "true"),
                    rows("compliance_notice_recipient", "true"),
                    rows("compliance_notice_text", "true"),
                    rows("sla_policy", "true"),
                    rows("sla_escalation_level", "true"),
                    "(select string_agg(incident_id || kind || coalesce(acknowledged_at::text, '-'), ',' order by "
                            + "incident_id, kind) from sla_clock where incident_id = any(" + ids + "))",
                    rows("routing_rule", "true"),
                    rows("playbook", "true"),
                    rows("isms_schedule", "true"),
                    rows("isms_schedule_occurrence", "true"),
                    rows("report_template", "true"),
                    rows("priority_matrix", "true"),
                    rows("federation_peer", "true"),
                    rows("federation_signing_key", "true"),
                    rows("federation_subscription", "true"),
                    rows("federation_upstream_subscription", "true"),
                    rows("federation_provider_catalogue", "true"),
                    rows("federation_provider_service", "true"),
                    rows("federation_peer_witnessing", "true"),
                    rows("audit_witnessed_log", "true"),
                    "'" + cause + "'");
            return "select md5(concat_ws('|', " + String.join(", ", parts) + "))";
        }

        private static String rows(String table, String condition) {
            return "(select string_agg(md5(t::text), ',' order by md5(t::text)) from " + table + " t where " + condition
                    + ")";
        }

        private JsonNode created(ApiClient.Answer answer) {
            assertThat(answer.status()).as("setting up the walk: " + answer).isIn(200, 201);
            return answer.json();
        }

        /** An evidence item that Cairn does not hold, as the API takes it. */
        Map<String, Object> evidenceItem() {
            return Map.of(
                    "kind", "disk-image",
                    "description", "should not be stored",
                    "source", "walked laptop",
                    "collectedAt", "2026-01-01T00:00:00Z",
                    "collectedWhere", "walk",
                    "collectedHow", "dd",
                    "sha256", "0".repeat(64),
                    "storageLocation", "walk");
        }

        private void ok(ApiClient.Answer answer) {
            assertThat(answer.status()).as("setting up the walk: " + answer).isBetween(200, 299);
        }
    }
}
