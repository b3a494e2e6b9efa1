package io.cairn.incidents;

import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A handler asked the reporter of an incident a question; published in the transaction that added it to the
 * timeline, so that the reporter is told if and only if the question is kept.
 *
 * @param actor the handler who asked
 * @param entry the question's timeline entry, which names it once and for all
 * @param reporter the reporter's account; empty for a report without one (anonymous, or mailed from an unknown address)
 * @param question the question as the handler wrote it
 */
public record ReporterAsked(
        IncidentId incident,
        ActorRef actor,
        Instant at,
        Status status,
        long entry,
        String reference,
        String title,
        @Nullable UserId reporter,
        String question,
        String digestBefore,
        String digestAfter)
        implements IncidentChanged {

    /** The verb of a question to the reporter, as the audit trail and the timeline name it. */
    public static final String VERB = "asked-reporter";

    @Override
    public String verb() {
        return VERB;
    }
}
