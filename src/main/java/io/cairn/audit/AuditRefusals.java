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
            "audit.no-checkpoint-yet", "no checkpoint is signed yet: sign one first (POST /api/v1/audit/checkpoints)");

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
