package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.ActorRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The incident's events are a sealed family of records, and each names its action in the audit trail as the trail
 * has always stored it: records already in a trail keep their meaning, and verification knows which of them hold the
 * incident's whole state.
 */
class IncidentEventsTest {

    @Test
    void everyEventOfTheFamilyKeepsTheActionTheAuditTrailStores() {
        assertThat(records(IncidentEvent.class).stream()
                        .filter(type -> type != ConfidentialIncidentViewed.class)
                        .map(type -> "incident." + IncidentStates.verbOf(type)))
                .containsExactlyInAnyOrder(
                        "incident.reported",
                        "incident.assigned",
                        "incident.reprioritised",
                        "incident.recategorised",
                        "incident.transitioned",
                        "incident.marked",
                        "incident.described",
                        "incident.times-recorded",
                        "incident.detection-recorded",
                        "incident.merged",
                        "incident.merged-in",
                        "incident.services-changed",
                        "incident.veris-recorded",
                        "incident.noted",
                        "incident.linked",
                        "incident.asked-reporter",
                        "incident.reporter-replied",
                        "incident.observable-added",
                        "incident.observable-revised",
                        "incident.observable-removed");
        ActorRef someone = new ActorRef("u1", "Someone");
        assertThat(Stream.of(ConfidentialIncidentViewed.Part.values())
                        .map(part -> new ConfidentialIncidentViewed(IncidentId.random(), someone, Instant.EPOCH, part)
                                .action()))
                .containsExactly(
                        "incident.viewed-confidential-incident",
                        "incident.viewed-confidential-timeline",
                        "incident.viewed-confidential-observables");
    }

    @Test
    void theReportAndTheChangesOfTheIncidentsStateAreTheStateRecordsVerificationCompares() {
        assertThat(IncidentStates.STATE_ACTIONS)
                .containsExactlyInAnyOrder(
                        "incident.reported",
                        "incident.assigned",
                        "incident.reprioritised",
                        "incident.recategorised",
                        "incident.transitioned",
                        "incident.marked",
                        "incident.described",
                        "incident.times-recorded",
                        "incident.detection-recorded",
                        "incident.merged",
                        "incident.merged-in",
                        "incident.services-changed",
                        "incident.veris-recorded");
    }

    @Test
    void aTransitionSaysWhereItCameFromAndIsAuditedAsBefore() {
        IncidentId id = IncidentId.random();
        IncidentTransitioned moved = new IncidentTransitioned(
                id, new ActorRef("u1", "Someone"), Instant.EPOCH, Status.TRIAGE, Status.ANALYSIS, "before", "after");

        assertThat(moved.status()).isEqualTo(Status.ANALYSIS);
        assertThat(moved.from()).isEqualTo(Status.TRIAGE);
        assertThat(moved.action()).isEqualTo("incident.transitioned");
        assertThat(moved.objectType()).isEqualTo("incident");
        assertThat(moved.objectId()).isEqualTo(id.toString());
        assertThat(moved.beforeDigest()).contains("before");
        assertThat(moved.afterDigest()).contains("after");
    }

    /** The records of a sealed family, through its sealed sub-families. */
    private static List<Class<?>> records(Class<?> family) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> permitted : family.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                found.add(permitted);
            } else {
                found.addAll(records(permitted));
            }
        }
        return found;
    }
}
