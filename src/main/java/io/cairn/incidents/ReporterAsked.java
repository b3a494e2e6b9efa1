package io.cairn.incidents;

import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A handler asked the reporter of an incident a question; published in the transaction that added it to the
 * timeline, so that the reporter is told if and only if the question is kept.
 *
 * @param entry the question's timeline entry, which names it once and for all
 * @param reporter the reporter's account; empty for a report without one (anonymous, or mailed from an unknown address)
 * @param question the question as the handler wrote it
 */
public record ReporterAsked(IncidentId incident, String reference, String title, long entry,
        @Nullable UserId reporter, String question, ActorRef askedBy, Instant at) {}
