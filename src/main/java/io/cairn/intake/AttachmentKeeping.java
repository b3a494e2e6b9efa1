package io.cairn.intake;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files kept with an incident: added by those who may add notes to it (its handlers, its reporter) or with a report.
 * The timeline notes each, and each publishes an {@link AttachmentStored} the audit trail records; a refused file (a
 * program, too large, empty) keeps nothing.
 */
@Component
class AttachmentKeeping {

    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final Attachments attachments;
    private final AttachmentRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttachmentKeeping(
            IncidentManagement incidents,
            IdentityManagement identity,
            Attachments attachments,
            AttachmentRules rules,
            ApplicationEventPublisher events,
            Clock clock) {
        this.incidents = incidents;
        this.identity = identity;
        this.attachments = attachments;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** Keeps a file with an incident, for those who may add notes to it; the timeline notes it. */
    @Transactional
    Outcome<AttachmentView> attach(IncidentId incident, UploadedFile file) {
        Optional<Refusal> refused = rules.refusal("file", file);
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        Actor actor = identity.requireActor();
        return incidents
                .addNote(incident, new IncidentCommands.AddNote(attachedNote(file)))
                .map(note -> keep(incident, file, actor.ref()));
    }

    /** Why the file may not be kept: a program, too large or empty. */
    Optional<Refusal> refusal(UploadedFile file) {
        return rules.refusal("file", file);
    }

    /** Keeps a file already checked, added by this actor; the caller notes it on the timeline. */
    AttachmentView keep(IncidentId incident, UploadedFile file, ActorRef by) {
        Instant now = clock.instant();
        AttachmentView kept = attachments.add(incident, file.filename(), file.declaredType(), file.content(), now);
        events.publishEvent(new AttachmentStored(incident, kept.id(), kept.sha256(), by, now));
        return kept;
    }

    /** The timeline's note of an attached file. */
    static String attachedNote(UploadedFile file) {
        return "Attached " + GuidedAnswers.described(file) + ".";
    }
}
