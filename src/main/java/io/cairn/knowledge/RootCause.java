package io.cairn.knowledge;

import io.cairn.shared.ContentDigest;

/**
 * One entry of the controlled vocabulary of root causes that reviews choose from.
 *
 * @param key the stable name reviews store, such as {@code phishing}
 * @param label the name people read; admins may rename it
 * @param retired whether it can no longer be chosen (reviews that chose it keep it)
 */
record RootCause(String key, String label, boolean retired, int position, long version) {

    /** The digest of what it is that the audit trail records. */
    String digest() {
        return ContentDigest.of(key + "|" + label + "|" + retired).hex();
    }

    /** The verb the audit trail records for a change from this to {@code after}. */
    RootCauseChanged.Verb changeTo(RootCause after) {
        return retired != after.retired
                ? (after.retired ? RootCauseChanged.Verb.RETIRED : RootCauseChanged.Verb.RESTORED)
                : RootCauseChanged.Verb.RENAMED;
    }
}
