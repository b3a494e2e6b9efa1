package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a coordinator entered on a risk's forms, as the page sends it: ids and dates as text, read here so that a bad
 * one is named by its field; an empty residual level is none.
 */
record RiskPageForm(
        String title,
        String description,
        String businessUnit,
        String owner,
        String treatment,
        String mitigationTargetAt,
        String likelihood,
        String impact,
        String residualLikelihood,
        String residualImpact,
        @Nullable Long version) {

    RiskPageForm {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        businessUnit = businessUnit == null ? "" : businessUnit.strip();
        owner = owner == null ? "" : owner.strip();
        treatment = treatment == null ? "" : treatment;
        mitigationTargetAt = mitigationTargetAt == null ? "" : mitigationTargetAt.strip();
        likelihood = likelihood == null ? "" : likelihood.strip();
        impact = impact == null ? "" : impact.strip();
        residualLikelihood = residualLikelihood == null ? "" : residualLikelihood.strip();
        residualImpact = residualImpact == null ? "" : residualImpact.strip();
    }

    /** An empty form, owned by the one who fills it in. */
    static RiskPageForm empty(UserId owner) {
        return new RiskPageForm("", "", "", owner.toString(), "", "", "", "", "", "", null);
    }

    /** The form of a stored risk, as its page shows it. */
    static RiskPageForm of(Risk risk) {
        return new RiskPageForm(
                risk.title(),
                risk.description(),
                risk.businessUnit() == null ? "" : risk.businessUnit().toString(),
                risk.owner().toString(),
                risk.treatment(),
                risk.mitigationTargetAt() == null
                        ? ""
                        : risk.mitigationTargetAt().toString(),
                risk.likelihood(),
                risk.impact(),
                text(risk.residualLikelihood()),
                text(risk.residualImpact()),
                risk.version());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** What was entered read into the ids and the date, or the refusal naming the first that is none. */
    private Outcome<Read> read() {
        Optional<BusinessUnitId> unit =
                businessUnit.isEmpty() ? Optional.empty() : parse(businessUnit, BusinessUnitId::valueOf);
        if (!businessUnit.isEmpty() && unit.isEmpty()) {
            return Outcome.refused(Refusal.invalid(
                    "businessUnit", SharedRefusals.BUSINESS_UNIT_DOES_NOT_EXIST, RiskChecks.clip(businessUnit)));
        }
        Optional<UserId> user = owner.isEmpty() ? Optional.empty() : parse(owner, UserId::valueOf);
        if (!owner.isEmpty() && user.isEmpty()) {
            return Outcome.refused(
                    Refusal.invalid("owner", SharedRefusals.USER_DOES_NOT_EXIST, RiskChecks.clip(owner)));
        }
        Optional<LocalDate> target =
                mitigationTargetAt.isEmpty() ? Optional.empty() : parse(mitigationTargetAt, LocalDate::parse);
        if (!mitigationTargetAt.isEmpty() && target.isEmpty()) {
            return Outcome.refused(Refusal.invalid("mitigationTargetAt", RiskRefusals.NOT_A_DAY));
        }
        return Outcome.done(new Read(unit.orElse(null), user.orElse(null), target.orElse(null)));
    }

    private record Read(
            @Nullable BusinessUnitId businessUnit,
            @Nullable UserId owner,
            @Nullable LocalDate mitigationTargetAt) {}

    /** A new risk as the register takes it. */
    Outcome<RiskForms.NewRisk> newRisk() {
        return read().map(read -> new RiskForms.NewRisk(
                title,
                description,
                read.businessUnit(),
                read.owner(),
                treatment,
                read.mitigationTargetAt(),
                orNull(likelihood),
                orNull(impact),
                orNull(residualLikelihood),
                orNull(residualImpact)));
    }

    /** New details of a risk as the register takes them. */
    Outcome<RiskForms.RiskRevision> revision(long storedVersion) {
        return read().map(read -> new RiskForms.RiskRevision(
                title,
                description,
                read.businessUnit(),
                read.owner(),
                treatment,
                read.mitigationTargetAt(),
                storedVersion));
    }

    /** A new assessment as the register takes it. */
    RiskForms.RiskReassessment reassessment(long storedVersion) {
        return new RiskForms.RiskReassessment(
                orNull(likelihood), orNull(impact), orNull(residualLikelihood), orNull(residualImpact), storedVersion);
    }

    private static @Nullable String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** A risk's id as a form sends it, or the refusal naming the field {@code risk}. */
    static Outcome<RiskId> riskId(String text) {
        return parse(text, RiskId::valueOf)
                .<Outcome<RiskId>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("risk " + RiskChecks.clip(text))));
    }

    private static <T> Optional<T> parse(String text, Function<String, T> reader) {
        try {
            return Optional.of(reader.apply(text));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
