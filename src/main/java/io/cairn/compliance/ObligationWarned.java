package io.cairn.compliance;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditVerb;
import io.cairn.shared.AuditableEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A stage of an obligation reached a warning threshold, or its due instant passed without a submission (overdue):
 * recorded once, and told to its owner (the legal entity's privacy officer for the GDPR, the incident's owner
 * otherwise) and the coordinators.
 *
 * @param stageName the stage's name in English and Dutch, for messages in each person's language
 * @param recipients the people told
 */
public record ObligationWarned(
        UUID obligation,
        IncidentId incident,
        String reference,
        String title,
        String stage,
        LocalizedText stageName,
        Instant dueAt,
        Verb verb,
        List<UserId> recipients,
        ActorRef actor,
        Instant at)
        implements AuditableEvent {

    /** What the scan found. */
    public enum Verb implements AuditVerb {
        WARNED,
        OVERDUE
    }

    public ObligationWarned {
        recipients = List.copyOf(recipients);
    }

    @Override
    public String action() {
        return "obligation." + verb.code();
    }

    @Override
    public String objectType() {
        return "obligation";
    }

    @Override
    public String objectId() {
        return obligation + "/" + stage;
    }

    @Override
    public Optional<String> beforeDigest() {
        return Optional.empty();
    }

    @Override
    public Optional<String> afterDigest() {
        return Optional.empty();
    }
}
