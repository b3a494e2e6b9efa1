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
 * @param entry the answer's timeline entry, which names it once and for all
 * @param owner the incident's owner, who is told; empty while nobody owns it
 * @param team the incident's team, whose handlers are told while nobody owns it
 */
public record ReporterAnswered(IncidentId incident, String reference, String title, long entry,
        @Nullable UserId owner, @Nullable TeamId team, ActorRef answeredBy, Instant at) {}
