package io.cairn.trace;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the check of a walked trail found at a hop, as a message code ({@code trace.finding.<code>} in the bundles,
 * Dutch beside English) and its English template, whose variable parts are {@link MessageFormat} placeholders.
 */
enum TrailFinding {
    RECEIPT_PROVEN(
            "receipt-proven",
            "record #{0} of the message it received ({1}, digest {2}) is in its checkpoint of size {3}, cosigned by {4}"),
    ISSUE_PROVEN(
            "issue-proven",
            "record #{0} of the message it issued ({1}, digest {2}) is in its checkpoint of size {3}, cosigned by {4}"),
    ENTRY_OPENS("entry-opens", "its provenance entry opens and matches the commitment {0}"),
    SIGNED_BY("signed-by", "the message is signed by {0} (key {1})"),
    KEY_NO_LONGER_SERVED(
            "key-no-longer-served",
            "the message''s signing key {0} is no longer served by {1}: its signature is not checked, the publisher''s "
                    + "record of the issue is"),
    NAMED_BY_RELAY("named-by-relay", "the message it received is the one its relay''s sealed entry names"),
    ORIGIN("origin", "origin: its incident {0} was published here"),

    NO_CHECKPOINT_KEY("no-checkpoint-key", "it states no checkpoint key that reads as one"),
    ISSUE_NAMES_OTHER_COPY("issue-names-other-copy", "its record #{0} of the issue names copy {1}, not {2}"),
    NOT_THE_ORIGIN("not-the-origin", "it received no message about the incident, yet is not the origin"),
    DIGEST_MISMATCH("digest-mismatch", "the message it answered with does not have the digest {0}"),
    COMMITMENT_MISMATCH(
            "commitment-mismatch", "the provenance entry opened does not match the commitment the message carries"),
    ENTRY_NAMES_OTHER_COPY(
            "entry-names-other-copy", "the provenance entry names another copy than the message it is in"),
    NOT_THE_NAMED_MESSAGE(
            "not-the-named-message",
            "the message it received is not the one its relay''s entry names (digest, copy, commitment or publisher "
                    + "differ)"),
    SIGNATURE_FAILS("signature-fails", "the message''s signature does not verify with {0}''s key {1}"),
    SIGNATURE_UNREADABLE("signature-unreadable", "the message''s signature cannot be checked: {0}"),
    NO_RECEIPT_RECORD("no-receipt-record", "it keeps no audit record of the message it received, digest {0}"),
    NO_ISSUE_RECORD("no-issue-record", "it keeps no audit record of the message it issued, digest {0}"),
    RECEIPT_ALTERED(
            "receipt-altered",
            "its audit record #{0} of the message it received was altered: its hash does not match its content"),
    ISSUE_ALTERED(
            "issue-altered",
            "its audit record #{0} of the message it issued was altered: its hash does not match its content"),
    RECEIPT_NOT_YET_COSIGNED(
            "receipt-not-yet-cosigned",
            "its audit record #{0} of the message it received is in no checkpoint its peers cosigned yet: trace again "
                    + "after its next checkpoint"),
    ISSUE_NOT_YET_COSIGNED(
            "issue-not-yet-cosigned",
            "its audit record #{0} of the message it issued is in no checkpoint its peers cosigned yet: trace again "
                    + "after its next checkpoint"),
    RECEIPT_NOT_IN_TREE(
            "receipt-not-in-tree",
            "its audit record #{0} of the message it received is not in the tree its checkpoint of size {1} states: "
                    + "the record or the trail was altered"),
    ISSUE_NOT_IN_TREE(
            "issue-not-in-tree",
            "its audit record #{0} of the message it issued is not in the tree its checkpoint of size {1} states: the "
                    + "record or the trail was altered"),
    CHECKPOINT_UNREADABLE("checkpoint-unreadable", "its cosigned checkpoint is not a signed checkpoint"),
    CHECKPOINT_NOT_SIGNED("checkpoint-not-signed", "its checkpoint of size {0} is not signed by its checkpoint key"),
    BAD_COSIGNATURE("bad-cosignature", "the cosignature of {0} on its checkpoint does not verify"),
    TOO_FEW_COSIGNATURES(
            "too-few-cosignatures",
            "its checkpoint of size {0} has {1} cosignature(s) by known witnesses, fewer than {2}"),
    UNREADABLE("unreadable", "what it answered cannot be read: {0}"),
    WALK_STOPPED("walk-stopped", "the walk stopped: {0}");

    private final String code;
    private final String template;

    TrailFinding(String code, String template) {
        this.code = code;
        this.template = template;
    }

    /** The bundle key of the text. */
    String key() {
        return "trace.finding." + code;
    }

    String template() {
        return template;
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
            return new MessageFormat(finding.template, Locale.ENGLISH).format(arguments.toArray());
        }
    }
}
