package io.cairn.risks;

import io.cairn.shared.ContentDigest;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A risk as the register keeps it. It changes only through its verbs, each of which gives the next version.
 *
 * @param residual how likely and hard it is once its treatment is done; none until assessed
 * @param closureReason why it was closed; set exactly when it is closed
 * @param materializedAt when it last materialized; none while it never has
 * @param closedAt when it was closed; set exactly when it is closed
 */
record RiskItem(
        RiskId id,
        RiskDetails details,
        Assessment current,
        @Nullable Assessment residual,
        RiskStatus status,
        @Nullable ClosureReason closureReason,
        Instant createdAt,
        @Nullable Instant materializedAt,
        @Nullable Instant closedAt,
        long version) {

    /** A new risk, anticipated and not stored yet. */
    static RiskItem registered(RiskDetails details, Assessment current, @Nullable Assessment residual, Instant now) {
        return new RiskItem(
                RiskId.random(), details, current, residual, RiskStatus.ANTICIPATED, null, now, null, null, 0);
    }

    RiskItem revise(RiskDetails revised) {
        return new RiskItem(
                id,
                revised,
                current,
                residual,
                status,
                closureReason,
                createdAt,
                materializedAt,
                closedAt,
                version + 1);
    }

    RiskItem assess(Assessment now, @Nullable Assessment residualNow) {
        return new RiskItem(
                id, details, now, residualNow, status, closureReason, createdAt, materializedAt, closedAt, version + 1);
    }

    /** It happened; only an anticipated risk materializes. */
    RiskItem materialize(Instant now) {
        return new RiskItem(
                id, details, current, residual, RiskStatus.MATERIALIZED, null, createdAt, now, null, version + 1);
    }

    RiskItem close(ClosureReason reason, Instant now) {
        return new RiskItem(
                id, details, current, residual, RiskStatus.CLOSED, reason, createdAt, materializedAt, now, version + 1);
    }

    /** Open again: materialized if it ever materialized, anticipated otherwise. */
    RiskItem reopen() {
        RiskStatus reopened = materializedAt == null ? RiskStatus.ANTICIPATED : RiskStatus.MATERIALIZED;
        return new RiskItem(
                id, details, current, residual, reopened, null, createdAt, materializedAt, null, version + 1);
    }

    /** RISK-2: whether it is open on a day after its mitigation target date. */
    boolean overdueOn(LocalDate today) {
        return status != RiskStatus.CLOSED
                && details.mitigationTargetAt() != null
                && today.isAfter(details.mitigationTargetAt());
    }

    /** The digest of its state that the audit trail records before and after a change. */
    String digest() {
        return ContentDigest.of(
                        id + "|" + details + "|" + current + "|" + residual + "|" + status.code() + "|" + closureReason)
                .hex();
    }
}
