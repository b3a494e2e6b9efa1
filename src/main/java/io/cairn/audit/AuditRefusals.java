package io.cairn.audit;

import io.cairn.shared.Refusal;

/** The reasons for which the audit module refuses a request. */
enum AuditRefusals implements Refusal.Reason {
    NOT_SIGNED("audit.not-signed", "no checkpoint was signed: {0}; verify the trail"),
    NOTHING_TO_SIGN("audit.nothing-to-sign", "the trail has no records yet: there is nothing to sign"),
    SIZE_OUT_OF_RANGE("audit.size-out-of-range", "must be from 1 to {0}, the size of the latest checkpoint"),
    SEQ_OUT_OF_RANGE("audit.seq-out-of-range", "must be from 1 to {0}, the size of the tree"),
    RECORD_MISSING("audit.record-missing", "record {0} is missing from the trail; verify it"),
    TO_OUT_OF_RANGE("audit.to-out-of-range", "must be from 0 to {0}, the size of the latest checkpoint"),
    PROOF_RECORDS_MISSING(
            "audit.proof-records-missing", "records the proof needs are missing from the trail; verify it"),
    NO_CHECKPOINT_YET(
            "audit.no-checkpoint-yet", "no checkpoint is signed yet: sign one first (POST /api/v1/audit/checkpoints)"),
    NOT_A_CHECKPOINT(
            "audit.not-a-checkpoint",
            "is not a signed checkpoint (origin, size and root hash lines, a blank line, signature lines)"),
    NOT_SIGNED_BY_LOG_KEY("audit.not-signed-by-log-key", "is not signed by the log''s key {0}"),
    ORIGIN_OF_OTHER_KEY("audit.origin-of-other-key", "names the log {0}, but its key signs the log {1}"),
    LOG_KEY_CHANGED("audit.log-key-changed", "is signed by {0}, not by {1}, the key of this log when first witnessed"),
    OLDER_THAN_WITNESSED("audit.older-than-witnessed", "is of size {0}, smaller than {1}, the size already cosigned"),
    INCONSISTENT(
            "audit.inconsistent",
            "does not extend the checkpoint of size {0} cosigned before ({1}): the log was forked or rewritten"),
    NOT_THIS_INSTANCES_CHECKPOINT(
            "audit.not-this-instances-checkpoint", "is not a checkpoint this instance signed and holds"),
    NO_COSIGNATURE("audit.no-cosignature", "holds no cosignature of the witness {0} that verifies");

    private final String code;
    private final String template;

    AuditRefusals(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }
}
