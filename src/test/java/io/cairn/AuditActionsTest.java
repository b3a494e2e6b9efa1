package io.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.assets.DeviceChanged;
import io.cairn.assets.DeviceId;
import io.cairn.assets.ServiceChanged;
import io.cairn.assets.ServiceId;
import io.cairn.federation.PeerChanged;
import io.cairn.federation.PeerId;
import io.cairn.federation.SigningKeyChanged;
import io.cairn.handling.PlaybookChanged;
import io.cairn.handling.RoutingRuleChanged;
import io.cairn.handling.SlaConfigurationChanged;
import io.cairn.handling.TaskChanged;
import io.cairn.identity.IdentityChanged;
import io.cairn.incidents.IncidentId;
import io.cairn.intake.AlertSourceChanged;
import io.cairn.intake.TemplateChanged;
import io.cairn.isms.ProcedureRunChanged;
import io.cairn.isms.ProcedureTypeChanged;
import io.cairn.isms.ScheduleChanged;
import io.cairn.knowledge.ArticleChanged;
import io.cairn.knowledge.ReviewChanged;
import io.cairn.knowledge.RootCauseChanged;
import io.cairn.risks.RiskChanged;
import io.cairn.risks.RiskId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The modules' events name their verbs as enum constants, and the audit trail stores each as it always has: records
 * already in a trail keep their meaning, and the audit pages find them under the same actions.
 */
class AuditActionsTest {

    private static final ActorRef SOMEONE = new ActorRef("u1", "Someone");
    private static final Instant AT = Instant.EPOCH;
    private static final Optional<String> NONE = Optional.empty();

    @Test
    void everyVerbOfEveryModuleIsStoredAsBefore() {
        assertThat(actions(
                        DeviceChanged.Verb.values(),
                        verb -> new DeviceChanged(new DeviceId(UUID.randomUUID()), SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly("device.registered", "device.handed-over", "device.updated");
        assertThat(actions(
                        ServiceChanged.Verb.values(),
                        verb -> new ServiceChanged(ServiceId.random(), SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly("service.registered", "service.changed", "service.retired", "service.restored");
        assertThat(actions(
                        ArticleChanged.Verb.values(),
                        verb -> new ArticleChanged("a", 1, SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "knowledge-article.written",
                        "knowledge-article.shipped",
                        "knowledge-article.translated",
                        "knowledge-article.revised");
        assertThat(actions(
                        RootCauseChanged.Verb.values(),
                        verb -> new RootCauseChanged("k", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly("root-cause.added", "root-cause.renamed", "root-cause.retired", "root-cause.restored");
        assertThat(actions(
                        ReviewChanged.Verb.values(),
                        verb -> new ReviewChanged(IncidentId.random(), SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "post-incident-review.drafted",
                        "post-incident-review.completed",
                        "post-incident-review.revised",
                        "post-incident-review.reopened",
                        "post-incident-review.action-added",
                        "post-incident-review.action-done",
                        "post-incident-review.action-reopened");
        assertThat(actions(
                        ProcedureTypeChanged.Verb.values(),
                        verb -> new ProcedureTypeChanged("k", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "procedure-type.added",
                        "procedure-type.revised",
                        "procedure-type.retired",
                        "procedure-type.restored");
        assertThat(actions(
                        ScheduleChanged.Verb.values(), verb -> new ScheduleChanged("s", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "procedure-schedule.added",
                        "procedure-schedule.revised",
                        "procedure-schedule.paused",
                        "procedure-schedule.resumed",
                        "procedure-schedule.removed");
        assertThat(actions(
                        ProcedureRunChanged.Verb.values(),
                        verb -> new ProcedureRunChanged(
                                "r", "PRC-1", "k", Optional.empty(), SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "procedure-run.started",
                        "procedure-run.advanced",
                        "procedure-run.completed",
                        "procedure-run.cancelled",
                        "procedure-run.step-done",
                        "procedure-run.step-skipped",
                        "procedure-run.step-approved",
                        "procedure-run.step-attached",
                        "procedure-run.step-rejected",
                        "procedure-run.raised-incident",
                        "procedure-run.raised-risk");
        assertThat(actions(
                        TaskChanged.Verb.values(),
                        verb -> new TaskChanged(UUID.randomUUID(), IncidentId.random(), SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly("task.created", "task.completed", "task.skipped", "task.reopened");
        assertThat(actions(
                        PlaybookChanged.Verb.values(), verb -> new PlaybookChanged("p", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "playbook.added",
                        "playbook.revised",
                        "playbook.retired",
                        "playbook.restored",
                        "playbook.started");
        assertThat(actions(
                        RoutingRuleChanged.Verb.values(),
                        verb -> new RoutingRuleChanged("r", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "routing-rule.added",
                        "routing-rule.changed",
                        "routing-rule.moved-up",
                        "routing-rule.moved-down",
                        "routing-rule.removed");
        assertThat(actions(
                        TemplateChanged.Verb.values(), verb -> new TemplateChanged("t", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "report-template.added",
                        "report-template.revised",
                        "report-template.reordered",
                        "report-template.retired",
                        "report-template.restored");
        assertThat(actions(
                        AlertSourceChanged.Verb.values(),
                        verb -> new AlertSourceChanged("s", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly("alert-source.registered", "alert-source.changed", "alert-source.removed");
        assertThat(actions(
                        PeerChanged.Verb.values(),
                        verb -> new PeerChanged(
                                new PeerId(java.util.UUID.randomUUID()), SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "federation-peer.registered",
                        "federation-peer.changed",
                        "federation-peer.suspended",
                        "federation-peer.resumed",
                        "federation-peer.keys-refreshed",
                        "federation-peer.removed",
                        "federation-peer.witness-key-pinned",
                        "federation-peer.witness-key-forgotten");
        assertThat(actions(
                        SigningKeyChanged.Verb.values(),
                        verb -> new SigningKeyChanged("k", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly("federation-key.generated", "federation-key.retired");
        assertThat(actions(
                        io.cairn.federation.PublicationChanged.Verb.values(),
                        verb -> new io.cairn.federation.PublicationChanged(
                                new IncidentId(UUID.randomUUID()), SOMEONE, AT, verb, 1, NONE, NONE)))
                .containsExactly(
                        "federation-publication.published",
                        "federation-publication.reworded",
                        "federation-publication.updated",
                        "federation-publication.marking-changed",
                        "federation-publication.retracted");
        assertThat(actions(
                        io.cairn.federation.ExchangeMessageIssued.Verb.values(),
                        verb -> new io.cairn.federation.ExchangeMessageIssued(
                                new IncidentId(UUID.randomUUID()),
                                UUID.randomUUID(),
                                1,
                                new io.cairn.federation.SubscriptionId(UUID.randomUUID()),
                                "publication",
                                verb,
                                SOMEONE,
                                AT,
                                "0".repeat(64))))
                .containsExactly("exchange-message.published", "exchange-message.relayed", "exchange-message.reissued");
    }

    @Test
    void complianceRecordsOfIncidentsAreNamedByTheirObjectTypeAndVerb() {
        io.cairn.incidents.IncidentId incident = io.cairn.incidents.IncidentId.random();
        assertThat(actions(
                        io.cairn.compliance.RegimeFactRecorded.Verb.values(),
                        verb -> new io.cairn.compliance.RegimeFactRecorded(
                                incident,
                                new io.cairn.compliance.FactKey("gdpr", "awareness"),
                                1,
                                SOMEONE,
                                AT,
                                verb,
                                NONE,
                                NONE)))
                .containsExactly("regime-fact.recorded", "regime-fact.changed");
        assertThat(actions(
                        io.cairn.compliance.DecisionRecorded.Verb.values(),
                        verb -> new io.cairn.compliance.DecisionRecorded(
                                incident,
                                io.cairn.compliance.DecisionKind.GDPR_RISK,
                                1,
                                SOMEONE,
                                AT,
                                verb,
                                NONE,
                                NONE)))
                .containsExactly("decision-record.decided", "decision-record.reassessed");
        assertThat(actions(
                        io.cairn.compliance.ObligationChanged.Verb.values(),
                        verb -> new io.cairn.compliance.ObligationChanged(
                                UUID.randomUUID(), "gdpr", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "obligation.opened",
                        "obligation.recomputed",
                        "obligation.rebased",
                        "obligation.closed",
                        "obligation.reopened");
        assertThat(actions(
                        io.cairn.compliance.SubmissionChanged.Verb.values(),
                        verb -> new io.cairn.compliance.SubmissionChanged(
                                incident, UUID.randomUUID() + "/final", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly("submission.drafted", "submission.submitted", "submission.corrected");
        assertThat(actions(
                        io.cairn.compliance.NoticeChanged.Verb.values(),
                        verb -> new io.cairn.compliance.NoticeChanged(
                                incident, UUID.randomUUID() + "/data-subjects", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "data-subject-notice.imported",
                        "data-subject-notice.written",
                        "data-subject-notice.send-started",
                        "data-subject-notice.unknown-settled",
                        "data-subject-notice.bounces-recorded",
                        "data-subject-notice.erased");
        assertThat(actions(
                        io.cairn.compliance.CalendarFeedChanged.Verb.values(),
                        verb -> new io.cairn.compliance.CalendarFeedChanged(
                                io.cairn.identity.UserId.random(), SOMEONE, AT, verb)))
                .containsExactly("calendar-feed.issued", "calendar-feed.revoked");
    }

    @Test
    void slaConfigurationIsNamedByWhatWasConfiguredAndHowAsBefore() {
        List<String> actions = Arrays.stream(SlaConfigurationChanged.Subject.values())
                .flatMap(subject -> actions(
                        SlaConfigurationChanged.Verb.values(),
                        verb -> new SlaConfigurationChanged(verb, subject, "1", SOMEONE, AT, NONE, NONE))
                        .stream())
                .toList();

        assertThat(actions)
                .containsExactly(
                        "sla-calendar.created",
                        "sla-calendar.changed",
                        "sla-calendar.removed",
                        "sla-policy.created",
                        "sla-policy.changed",
                        "sla-policy.removed",
                        "escalation-level.created",
                        "escalation-level.changed",
                        "escalation-level.removed");
        assertThat(new SlaConfigurationChanged(
                                SlaConfigurationChanged.Verb.CREATED,
                                SlaConfigurationChanged.Subject.ESCALATION_LEVEL,
                                "1",
                                SOMEONE,
                                AT,
                                NONE,
                                NONE)
                        .objectType())
                .isEqualTo("escalation-level");
    }

    @Test
    void identityChangesAreNamedByTheirObjectTypeAndVerbAsBefore() {
        assertThat(actions(
                        IdentityChanged.Change.values(),
                        change -> new IdentityChanged(SOMEONE, AT, change, "1", NONE, NONE)))
                .containsExactly(
                        "api-token.issued",
                        "api-token.revoked",
                        "user.created",
                        "user.changed",
                        "user.password-changed",
                        "user.password-reset",
                        "user.language-chosen",
                        "team.created",
                        "team.changed",
                        "business-unit.created",
                        "business-unit.changed");
        assertThat(Arrays.stream(IdentityChanged.Change.values())
                        .map(change -> new IdentityChanged(SOMEONE, AT, change, "1", NONE, NONE))
                        .allMatch(event -> event.action().startsWith(event.objectType() + ".")))
                .isTrue();
    }

    @Test
    void riskChangesAreStoredAsRiskAndTheirVerb() {
        assertThat(actions(
                        RiskChanged.Verb.values(),
                        verb -> new RiskChanged(RiskId.random(), SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly(
                        "risk.registered",
                        "risk.revised",
                        "risk.assessed",
                        "risk.materialized",
                        "risk.closed",
                        "risk.reopened",
                        "risk.incident-linked",
                        "risk.incident-unlinked",
                        "risk.asset-linked",
                        "risk.asset-unlinked",
                        "risk.proposal-dismissed",
                        "risk.corrective-action-linked",
                        "risk.raised-from");
        assertThat(actions(
                        io.cairn.reporting.MaturityPracticeChanged.Verb.values(),
                        verb -> new io.cairn.reporting.MaturityPracticeChanged("p", SOMEONE, AT, verb, NONE, NONE)))
                .containsExactly("maturity-practice.recorded", "maturity-practice.withdrawn");
        assertThat(new io.cairn.risks.RiskOverdue(
                                RiskId.random(),
                                "t",
                                new io.cairn.identity.UserId(java.util.UUID.randomUUID()),
                                java.time.LocalDate.EPOCH,
                                1,
                                SOMEONE,
                                AT)
                        .action())
                .isEqualTo("risk.overdue-reminded");
        assertThat(new io.cairn.risks.MaterializationProposed(
                                RiskId.random(),
                                "t",
                                new io.cairn.identity.UserId(java.util.UUID.randomUUID()),
                                io.cairn.incidents.IncidentId.random(),
                                "INC-1",
                                SOMEONE,
                                AT)
                        .action())
                .isEqualTo("risk.materialization-proposed");
    }

    /** Each entry of an evidence item's custody log is a record of the item, chained by the entries' hashes. */
    @Test
    void evidenceCustodyEntriesAreRecordsOfTheItemWithTheEntryHashesAsDigests() {
        io.cairn.isms.EvidenceItemId item = io.cairn.isms.EvidenceItemId.random();
        IncidentId incident = IncidentId.random();
        io.cairn.identity.UserId a = new io.cairn.identity.UserId(UUID.randomUUID());
        UUID transfer = UUID.randomUUID();
        String before = "0".repeat(64);
        String after = "1".repeat(64);
        List<io.cairn.isms.EvidenceEvent> events = List.of(
                new io.cairn.isms.EvidenceCollected(item, incident, SOMEONE, AT, a, "f".repeat(64), before, after),
                new io.cairn.isms.EvidenceTransferProposed(
                        item, incident, SOMEONE, AT, a, a, transfer, "INC-1 E1", before, after),
                new io.cairn.isms.EvidenceTransferAccepted(item, incident, SOMEONE, AT, a, a, transfer, before, after),
                new io.cairn.isms.EvidenceTransferDeclined(item, incident, SOMEONE, AT, a, a, transfer, before, after),
                new io.cairn.isms.EvidenceTransferWithdrawn(item, incident, SOMEONE, AT, a, a, transfer, before, after),
                new io.cairn.isms.EvidenceCorrected(item, incident, SOMEONE, AT, "source", before, after),
                new io.cairn.isms.EvidenceIntegrityChecked(item, incident, SOMEONE, AT, true, before, after));
        assertThat(events.stream().map(AuditableEvent::action))
                .containsExactly(
                        "evidence.collected",
                        "evidence.transfer-proposed",
                        "evidence.transfer-accepted",
                        "evidence.transfer-declined",
                        "evidence.transfer-withdrawn",
                        "evidence.corrected",
                        "evidence.integrity-checked");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.objectType()).isEqualTo("evidence-item");
            assertThat(event.objectId()).isEqualTo(item.toString());
            assertThat(event.beforeDigest()).contains(before);
            assertThat(event.afterDigest()).contains(after);
        });
    }

    private static <V> List<String> actions(V[] verbs, Function<V, AuditableEvent> event) {
        return Arrays.stream(verbs).map(event).map(AuditableEvent::action).toList();
    }
}
