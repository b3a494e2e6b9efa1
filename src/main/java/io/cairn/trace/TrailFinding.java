package io.cairn.trace;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the check of a walked trail found at a hop, as a message code: {@code trace.finding.<code>} in the bundle
 * {@code i18n/trace}, English and Dutch, whose variable parts are {@link MessageFormat} placeholders.
 */
enum TrailFinding {
    RECEIPT_PROVEN("receipt-proven"),
    ISSUE_PROVEN("issue-proven"),
    COSIGNED_BY("cosigned-by"),
    ENTRY_OPENS("entry-opens"),
    SIGNED_BY("signed-by"),
    KEY_NO_LONGER_SERVED("key-no-longer-served"),
    NAMED_BY_RELAY("named-by-relay"),
    ORIGIN("origin"),
    NO_CHECKPOINT_KEY("no-checkpoint-key"),
    ISSUE_NAMES_OTHER_COPY("issue-names-other-copy"),
    NOT_THE_ORIGIN("not-the-origin"),
    DIGEST_MISMATCH("digest-mismatch"),
    COMMITMENT_MISMATCH("commitment-mismatch"),
    ENTRY_NAMES_OTHER_COPY("entry-names-other-copy"),
    NOT_THE_NAMED_MESSAGE("not-the-named-message"),
    SIGNATURE_FAILS("signature-fails"),
    SIGNATURE_UNREADABLE("signature-unreadable"),
    NO_RECEIPT_RECORD("no-receipt-record"),
    NO_ISSUE_RECORD("no-issue-record"),
    RECEIPT_ALTERED("receipt-altered"),
    ISSUE_ALTERED("issue-altered"),
    RECEIPT_NOT_YET_COSIGNED("receipt-not-yet-cosigned"),
    ISSUE_NOT_YET_COSIGNED("issue-not-yet-cosigned"),
    RECEIPT_NOT_IN_TREE("receipt-not-in-tree"),
    ISSUE_NOT_IN_TREE("issue-not-in-tree"),
    CHECKPOINT_UNREADABLE("checkpoint-unreadable"),
    CHECKPOINT_NOT_SIGNED("checkpoint-not-signed"),
    BAD_COSIGNATURE("bad-cosignature"),
    TOO_FEW_COSIGNATURES("too-few-cosignatures"),
    UNREADABLE("unreadable"),
    WALK_STOPPED("walk-stopped");

    /** The English texts, which the command prints; the pages take the reader's language from the same bundle. */
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
            "i18n/trace",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private final String code;

    TrailFinding(String code) {
        this.code = code;
    }

    /** The bundle key of the text. */
    String key() {
        return "trace.finding." + code;
    }

    /** The English text, its variable parts as {@link MessageFormat} placeholders. */
    String template() {
        return ENGLISH.getString(key());
    }
    /** One finding with its variable parts. */
    record Found(TrailFinding finding, List<String> arguments) {

        Found {
            arguments = List.copyOf(arguments);
        }

        static Found of(TrailFinding finding, Object... arguments) {
            return new Found(
                    finding,
                    java.util.Arrays.stream(arguments).map(String::valueOf).toList());
        }

        /** The text in English, as the command prints it. */
        String english() {
            return arguments.isEmpty()
                    ? finding.template()
                    : new MessageFormat(finding.template(), Locale.ENGLISH).format(arguments.toArray());
        }
    }
}
