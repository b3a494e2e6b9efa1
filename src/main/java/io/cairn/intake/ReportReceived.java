package io.cairn.intake;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import org.jspecify.annotations.Nullable;

/**
 * A report was received from a person who can be answered by e-mail; published in the transaction that opened the
 * incident, so that an acknowledgement goes out if and only if the report is kept.
 *
 * @param incident the incident the report opened
 * @param reference the reference the reporter quotes, such as {@code INC-12}
 * @param replyTo the reporter's e-mail address
 * @param language the language to answer in ({@code en} or {@code nl})
 * @param reporter the reporter's account, when they have one: they follow the report on their report page
 * @param followUpCode the one-time code of a reporter without an account, who follows the report with it
 * @param detailsMissing true when the report came without a description, so the reporter is asked for details
 * @param inReplyTo the Message-ID of the mail that made the report, for answering in the same thread
 */
public record ReportReceived(
        IncidentId incident,
        String reference,
        String replyTo,
        String language,
        @Nullable UserId reporter,
        @Nullable String followUpCode,
        boolean detailsMissing,
        @Nullable String inReplyTo) {

    public ReportReceived {
        if (replyTo.isBlank()) {
            throw new IllegalArgumentException("an acknowledgement needs an address to go to");
        }
        if (reporter == null && followUpCode == null) {
            throw new IllegalArgumentException("a reporter without an account needs a follow-up code");
        }
    }

    /** Leaves the follow-up code out: it is a credential, and events end up in logs. */
    @Override
    public String toString() {
        return "ReportReceived[incident=" + incident + ", reference=" + reference + ", replyTo=" + replyTo
                + ", language=" + language + ", reporter=" + reporter + ", followUpCode="
                + (followUpCode == null ? "none" : "(hidden)") + ", detailsMissing=" + detailsMissing
                + ", inReplyTo=" + inReplyTo + "]";
    }
}
