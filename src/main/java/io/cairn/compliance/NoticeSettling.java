package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles the deliveries of a notice whose outcome is unknown (a server stopped between claiming a mail and marking
 * it): a privacy officer, having checked the mail server's log or asked the person, says the mail arrived, that it is
 * to be sent again, or that it failed, with a note. All the deliveries named or none, each only while still unknown,
 * so of two who settle the same delivery only the first counts. Audited.
 */
@Service
class NoticeSettling {

    /** The most deliveries settled at once, and the most of unknown outcome a page lists. */
    static final int MOST = 1_000;

    private final DataSubjectNotices notices;
    private final NoticeDeliveries deliveries;
    private final NoticeLists lists;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeSettling(
            DataSubjectNotices notices,
            NoticeDeliveries deliveries,
            NoticeLists lists,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.lists = lists;
        this.events = events;
        this.clock = clock;
    }

    /** The deliveries of unknown outcome, for privacy officers; the first {@value #MOST}. */
    @Transactional
    public Outcome<List<NoticeView.Recipient>> unknown(IncidentId incident, UUID obligation) {
        return notices.locate(incident, obligation)
                .flatMap(DataSubjectNotices::requirePeopleManager)
                .map(target -> lists.unknown(target.obligation(), DataSubjectNotices.STAGE, MOST));
    }

    /** Settles the deliveries as the outcome says ({@code sent}, {@code resend} or {@code failed}), with the note. */
    @Transactional
    public Outcome<NoticeView> settle(
            IncidentId incident,
            UUID obligation,
            @Nullable List<Long> ids,
            @Nullable String outcome,
            @Nullable String note) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        List<Long> named = ids == null ? List.of() : ids.stream().distinct().toList();
        if (named.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("deliveries", SharedRefusals.MUST_NOT_BE_EMPTY));
        } else if (named.size() > MOST) {
            problems.add(Refusal.FieldProblem.of("deliveries", SharedRefusals.OUT_OF_RANGE, "1", String.valueOf(MOST)));
        }
        Optional<NoticeDeliveries.Settlement> settlement = settlement(outcome);
        if (settlement.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("outcome", SharedRefusals.MUST_BE_ONE_OF, "sent, resend, failed"));
        }
        String reason = ComplianceRecording.reason("note", note, true, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return notices.locate(incident, obligation)
                .flatMap(DataSubjectNotices::requirePeopleManager)
                .flatMap(target -> settle(target, named, settlement.orElseThrow(), reason));
    }

    private Outcome<NoticeView> settle(
            DataSubjectNotices.Target target, List<Long> ids, NoticeDeliveries.Settlement settlement, String note) {
        Set<Long> unknown = deliveries.lockUnknown(target.obligation(), DataSubjectNotices.STAGE, ids);
        Optional<Long> missing =
                ids.stream().filter(id -> !unknown.contains(id)).findFirst();
        if (missing.isPresent()) {
            return Outcome.refused(
                    Refusal.conflict("deliveries", ComplianceRefusals.NOTICE_NOT_UNKNOWN, missing.get()));
        }
        Instant now = clock.instant();
        deliveries.settle(target.obligation(), DataSubjectNotices.STAGE, ids, settlement, note, now);
        events.publishEvent(new NoticeChanged(
                target.stage().obligation().incident(),
                NoticeChanged.of(target.obligation(), DataSubjectNotices.STAGE),
                target.stage().grant().actor().ref(),
                now,
                NoticeChanged.Verb.UNKNOWN_SETTLED,
                Optional.empty(),
                Optional.of(ContentDigest.of(
                                settlement.code() + ":" + ids.stream().sorted().toList() + ":" + note)
                        .hex())));
        return Outcome.done(notices.view(target));
    }

    private static Optional<NoticeDeliveries.Settlement> settlement(@Nullable String outcome) {
        return Arrays.stream(NoticeDeliveries.Settlement.values())
                .filter(candidate -> candidate
                        .code()
                        .equals(outcome == null ? "" : outcome.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
