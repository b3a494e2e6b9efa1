package io.cairn.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a reporter sees of their report: where it stands, how it ended, and the questions the handlers asked with
 * the reporter's answers. Never the handlers' notes, the owner or other internal detail.
 *
 * @param dismissalReason why it was dismissed, written for the reporter
 * @param conversation the report, status changes (without internal reasons), questions and replies, oldest first;
 *     the security team's entries are signed by the team, not by a person
 */
public record ReporterView(
        IncidentId id,
        String reference,
        String title,
        Status status,
        Instant reportedAt,
        @Nullable String dismissalReason,
        List<TimelineEntry> conversation) {

    /** How the reporter sees the name of whoever in the security team asked or changed something. */
    public static final String TEAM = "security team";

    /** The timeline entries a reporter sees. */
    static final Set<String> SHOWN =
            Set.of(IncidentReported.VERB, IncidentTransitioned.VERB, ReporterAsked.VERB, ReporterAnswered.VERB);

    public ReporterView {
        conversation = List.copyOf(conversation);
    }
}
