package io.cairn.incidents;

import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The reporter of an incident answered the handlers or added to their report (signed in, with a follow-up code, or by
 * mail); published in the transaction that added it to the timeline, so that the handlers are told if and only if the
 * answer is kept.
 *
 * @param actor the reporter who answered, as the timeline names them
 * @param entry the answer's timeline entry, which names it once and for all
 * @param owner the incident's owner, who is told; empty while nobody owns it
 * @param team the incident's team, whose handlers are told while nobody owns it
 */
public record ReporterAnswered(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        long entry,
        String reference,
        String title,
        @Nullable UserId owner,
        @Nullable TeamId team,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged {

    /** The verb of the reporter's answer, as the audit trail and the timeline name it. */
    public static final String VERB = "reporter-replied";

    @Override
    public String verb() {
        return VERB;
    }
}
