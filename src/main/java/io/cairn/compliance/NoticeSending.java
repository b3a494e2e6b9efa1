package io.cairn.compliance;

import io.cairn.identity.Actor;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts sending the notice to the people a breach concerns and records it when it is done. Starting (privacy
 * officers only, at the version of the text they read) freezes the text of each language with its SHA-256 and queues
 * every person of the list for the {@link NoticeSender}; once every person is sent or failed, the stage gets a
 * submission by {@code e-mail} in the name of the one who started it, which marks it submitted and fills the breach
 * register's subjectsNotifiedAt. A stage past due, or with deliveries whose outcome is unknown, is left to the privacy
 * officer, who submits it with the reason for the delay or after checking.
 */
@Service
class NoticeSending {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final DataSubjectNotices notices;
    private final NoticeWriting writing;
    private final NoticeTexts texts;
    private final NoticeDeliveries deliveries;
    private final NoticeLists lists;
    private final Obligations obligations;
    private final IncidentsForSystem incidents;
    private final StageSubmitting submitting;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeSending(
            DataSubjectNotices notices,
            NoticeWriting writing,
            NoticeTexts texts,
            NoticeDeliveries deliveries,
            NoticeLists lists,
            Obligations obligations,
            IncidentsForSystem incidents,
            StageSubmitting submitting,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notices = notices;
        this.writing = writing;
        this.texts = texts;
        this.deliveries = deliveries;
        this.lists = lists;
        this.obligations = obligations;
        this.incidents = incidents;
        this.submitting = submitting;
        this.events = events;
        this.clock = clock;
    }

    /** Freezes the text at the version read and queues every person of the list; privacy officers only. Audited. */
    @Transactional
    public Outcome<NoticeView> start(IncidentId incident, UUID obligation, long version) {
        return notices.locate(incident, obligation)
                .flatMap(DataSubjectNotices::requirePeopleManager)
                .flatMap(target -> start(target, version));
    }

    private Outcome<NoticeView> start(DataSubjectNotices.Target target, long version) {
        Optional<NoticeView.Counts> counts = lists.counts(target.obligation(), DataSubjectNotices.STAGE);
        if (counts.isPresent() && counts.get().erasedAt() != null) {
            return Outcome.refused(Refusal.conflict(ComplianceRefusals.NOTICE_LIST_ERASED));
        }
        if (texts.frozen(target.obligation(), DataSubjectNotices.STAGE).isPresent()) {
            return Outcome.refused(Refusal.conflict(ComplianceRefusals.NOTICE_TEXT_FROZEN));
        }
        if (counts.isEmpty() || counts.get().people() == 0) {
            return Outcome.refused(Refusal.conflict(ComplianceRefusals.NOTICE_NO_PEOPLE));
        }
        Map<String, Map<String, String>> text = writing.current(target);
        Actor actor = target.stage().grant().actor();
        Instant now = clock.instant();
        // the text moves on to the next version as it is: of two starts from one version only the first counts
        if (!texts.save(target.obligation(), DataSubjectNotices.STAGE, text, version, actor, now)) {
            long stored = texts.find(target.obligation(), DataSubjectNotices.STAGE)
                    .map(NoticeTexts.Stored::version)
                    .orElse(0L);
            return Outcome.refused(Refusal.stale(version, Math.max(stored, version + 1)));
        }
        byte[] content = frozen(writing.organisation(target), text);
        String sha256 = ContentDigest.of(content).hex();
        if (!deliveries.freeze(target.obligation(), DataSubjectNotices.STAGE, content, sha256, actor, now)) {
            return Outcome.refused(Refusal.conflict(ComplianceRefusals.NOTICE_TEXT_FROZEN));
        }
        events.publishEvent(new NoticeChanged(
                target.stage().obligation().incident(),
                NoticeChanged.of(target.obligation(), DataSubjectNotices.STAGE),
                actor.ref(),
                now,
                NoticeChanged.Verb.SEND_STARTED,
                Optional.of(DataSubjectNotices.digest(counts.get())),
                Optional.of(sha256)));
        return Outcome.done(notices.view(target));
    }

    /**
     * Records a notice whose people are all dealt with as a submission of its stage by {@code e-mail}, when the stage
     * waits for it: open, not yet submitted, not past due, and no delivery of unknown outcome.
     */
    @Transactional
    public void finished(NoticeDeliveries.Finished done) {
        Optional<Obligations.Stored> obligation = obligations.find(done.obligation());
        Optional<NoticeDeliveries.Frozen> frozen = deliveries.frozen(done.obligation(), done.stage());
        if (obligation.isEmpty() || frozen.isEmpty() || done.unknown() > 0) {
            return;
        }
        StageState state = obligation.get().stages().get(done.stage());
        Optional<Regime.Stage> rules = obligation.get().rules().stage(done.stage());
        Optional<IncidentView> incident = incidents.incident(obligation.get().incident());
        Instant now = clock.instant();
        if (obligation.get().closedAt() != null
                || rules.isEmpty()
                || incident.isEmpty()
                || state == null
                || state.submittedAt() != null
                || state.dueAt() != null && now.isAfter(state.dueAt())) {
            return;
        }
        Actor actor = new Actor(
                new UserId(frozen.get().startedBy()),
                frozen.get().startedByName(),
                frozen.get().startedByName(),
                Set.of(),
                Set.of());
        submitting.submitSent(
                new StageReports.Target(
                        new ComplianceAccess.IncidentGrant(actor, incident.get(), true), obligation.get(), rules.get()),
                "e-mail",
                recipients(done),
                frozen.get().sha256());
    }

    /** Who the notice went to, as the submission names them: {@code 1200 people (1180 sent, 20 failed)}. */
    static String recipients(NoticeDeliveries.Finished done) {
        return done.people() + " people (" + done.sent() + " sent, " + done.failed() + " failed)";
    }

    /** The frozen text: the organisation and the fields of each language, as JSON in UTF-8. */
    static byte[] frozen(String organisation, Map<String, Map<String, String>> text) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("organisation", organisation);
        content.put("texts", text);
        return json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
    }
}
