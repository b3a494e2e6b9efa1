package io.cairn.intake;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.SignInVerdict;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.ReporterView;
import io.cairn.incidents.channels.ReporterChannels;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holder of an anonymous report's follow-up code sees its status and the handlers' questions, replies and adds
 * files. A code is a credential: wrong codes are throttled per address as wrong passwords are.
 */
@Component
class FollowUpByCode {

    private final FollowUpCodes codes;
    private final ReporterChannels channels;
    private final AttachmentKeeping attachments;
    private final IdentityManagement identity;
    private final Clock clock;

    FollowUpByCode(
            FollowUpCodes codes,
            ReporterChannels channels,
            AttachmentKeeping attachments,
            IdentityManagement identity,
            Clock clock) {
        this.codes = codes;
        this.channels = channels;
        this.attachments = attachments;
        this.identity = identity;
        this.clock = clock;
    }

    /** What the holder of a follow-up code may see: status, outcome, questions and replies. */
    @Transactional
    Outcome<ReporterView> followUp(String code, String address) {
        return byCode(code, address)
                .map(incident -> channels.reporterViewByFollowUpCode(incident).orElseThrow());
    }

    /** The holder of a follow-up code answers the handlers or adds to their report. */
    @Transactional
    Outcome<ReporterView> reply(String code, String reply, String address) {
        String text = reply.trim();
        if (text.isEmpty() || text.length() > GuidedAnswers.LONG_TEXT_LIMIT) {
            return Outcome.refused(Refusal.invalid(
                    "text", IntakeRefusals.REPLY_LENGTH, String.valueOf(GuidedAnswers.LONG_TEXT_LIMIT)));
        }
        return byCode(code, address).map(incident -> {
            channels.replyByFollowUpCode(incident, text);
            return channels.reporterViewByFollowUpCode(incident).orElseThrow();
        });
    }

    /** The holder of a follow-up code adds a file to their report. */
    @Transactional
    Outcome<AttachmentView> attach(String code, UploadedFile file, String address) {
        return byCode(code, address).flatMap(incident -> {
            Optional<Refusal> refused = attachments.refusal(file);
            if (refused.isPresent()) {
                return Outcome.refused(refused.get());
            }
            channels.addChannelNote(incident, IncidentManagement.ANONYMOUS, AttachmentKeeping.attachedNote(file));
            return Outcome.done(attachments.keep(incident, file, IncidentManagement.ANONYMOUS));
        });
    }

    private Outcome<IncidentId> byCode(String code, String address) {
        if (identity.codeAttemptVerdict(address) instanceof SignInVerdict.Wait wait) {
            return Outcome.refused(Refusal.throttled(wait.remaining()));
        }
        Instant now = clock.instant();
        Optional<FollowUpCodes.Found> found = code.length() > 40 ? Optional.empty() : codes.find(code, now);
        if (found.isEmpty()) {
            identity.codeAttemptFailed(address);
            return Outcome.refused(Refusal.invalid("code", IntakeRefusals.NOT_A_FOLLOW_UP_CODE));
        }
        if (found.get().expired()) {
            return Outcome.refused(Refusal.invalid("code", IntakeRefusals.FOLLOW_UP_CODE_EXPIRED));
        }
        codes.used(code, now);
        return Outcome.done(found.get().incident());
    }
}
