package io.cairn.isms.evidence;

import io.cairn.shared.Refusal;

/** The reasons for which the evidence of an incident refuses a command. */
enum EvidenceRefusals implements Refusal.Reason {
    NOT_A_SHA256("evidence.not-a-sha256", "must be a SHA-256: exactly 64 hexadecimal digits"),
    HASH_DIFFERS(
            "evidence.hash-differs",
            "is not the SHA-256 of the uploaded file, which is {0}: the file changed on its way, or it is another one"),
    NOT_A_KIND("evidence.not-a-kind", "must be one of {0}"),
    FILE_TOO_LARGE("evidence.file-too-large", "is larger than the limit of {0}"),
    FILE_EMPTY("evidence.file-empty", "is empty"),
    CONTROL_CHARACTERS("evidence.control-characters", "must not hold control characters"),
    BEFORE_COLLECTION("evidence.before-collection", "lies before the item was collected"),
    NO_RECEIVER("evidence.no-receiver", "a transfer needs a receiver: the Cairn user who takes the item over"),
    NO_SUCH_USER("evidence.no-such-user", "there is no user {0}"),
    TO_ONESELF("evidence.to-oneself", "is the item's custodian already: a transfer goes to someone else"),
    RECEIVER_MAY_NOT_READ(
            "evidence.receiver-may-not-read", "{0} may not read this incident''s evidence, and so may not hold it"),
    COLLECTOR_MAY_NOT_READ(
            "evidence.collector-may-not-read",
            "{0} may not read this incident''s evidence, and so may not have collected it for Cairn"),
    TRANSFER_PENDING(
            "evidence.transfer-pending",
            "another transfer of this item awaits the sign-off of {0}: it is accepted or declined first"),
    ONLY_CUSTODIAN_HANDS_OVER("evidence.only-custodian-hands-over", "only the item''s custodian, {0}, hands it over"),
    ONLY_HANDLERS_RECORD(
            "evidence.only-handlers-record",
            "only handlers and coordinators of the incident, and the item's custodian, record its evidence"),
    ONLY_STAFF_READ("evidence.only-staff-read", "only the security team of the incident reads its evidence"),
    NOT_PENDING("evidence.not-pending", "this transfer is not awaiting a sign-off any more"),
    NOT_HELD("evidence.not-held", "Cairn does not hold this item's file: its hash was recorded by the collector"),
    NOT_CORRECTABLE("evidence.not-correctable", "must be one of {0}"),
    HELD_HASH_NOT_CORRECTABLE(
            "evidence.held-hash-not-correctable",
            "Cairn computed this item's SHA-256 from the file it holds: it cannot be corrected"),
    NOT_A_TIME("evidence.not-a-time", "is not a time such as 2026-12-01T09:30:00Z"),
    UNCHANGED("evidence.unchanged", "is the item's value already: a correction changes it");

    private final String code;
    private final String template;

    EvidenceRefusals(String code, String template) {
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
