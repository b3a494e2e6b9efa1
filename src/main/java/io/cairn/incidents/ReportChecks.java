package io.cairn.incidents;

import io.cairn.assets.AssetManagement;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import io.cairn.shared.Tlp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules a report, and the changes that set the same facts, must keep: a known category, impact and urgency of the
 * priority matrix, owners, teams, business units and devices that exist, times that do not lie in the future.
 */
@Component
class ReportChecks {

    /** How far in the future a reported time may lie, to allow for clock skew between devices. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final PriorityMatrices matrices;
    private final RsitTaxonomy taxonomy;
    private final IdentityManagement identity;
    private final AssetManagement assets;
    private final Clock clock;

    ReportChecks(
            PriorityMatrices matrices,
            RsitTaxonomy taxonomy,
            IdentityManagement identity,
            AssetManagement assets,
            Clock clock) {
        this.matrices = matrices;
        this.taxonomy = taxonomy;
        this.identity = identity;
        this.assets = assets;
        this.clock = clock;
    }

    /**
     * The report with its defaults filled in and its priority looked up, or why it is refused; only someone who may
     * assign names an owner, or a team unless the channel routes the report.
     */
    Outcome<ValidReport> validate(NewIncident report, boolean routed, boolean mayAssign) {
        PriorityMatrix matrix = matrices.current();
        Category category = report.category() == null ? Category.UNDETERMINED : report.category();
        if (!taxonomy.contains(category)) {
            return Outcome.refused(unknownCategory(category));
        }
        Optional<Integer> impact =
                report.impact() == null ? Optional.of(matrix.defaultImpact()) : matrix.impactLevel(report.impact());
        Optional<Integer> urgency =
                report.urgency() == null ? Optional.of(matrix.defaultUrgency()) : matrix.urgencyLevel(report.urgency());
        Optional<Refusal> problem = levelsProblem(matrix, impact, urgency)
                .or(() -> (report.owner() != null || report.team() != null && !routed) && !mayAssign
                        ? Optional.of(Refusal.invalid(
                                report.owner() != null ? "owner" : "team", IncidentRefusals.ONLY_STAFF_ASSIGN))
                        : Optional.empty())
                .or(() -> timesProblem(report.occurredAt(), report.detectedAt()))
                .or(() -> assignmentProblem(report.owner(), report.team(), report.businessUnit()))
                .or(() -> report.asset() == null || assets.isRegistered(report.asset())
                        ? Optional.empty()
                        : Optional.of(Refusal.invalid("asset", IncidentRefusals.NOT_A_DEVICE)));
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        // a channel that routes the report made its title from other text: it is shortened, not refused
        Outcome<IncidentTitle> title = routed ? IncidentTitle.made(report.title()) : IncidentTitle.of(report.title());
        return title.map(checked -> valid(report, checked, category, matrix, impact.get(), urgency.get()));
    }

    private static ValidReport valid(
            NewIncident report,
            IncidentTitle title,
            Category category,
            PriorityMatrix matrix,
            int impact,
            int urgency) {
        return new ValidReport(
                title.text(),
                report.description().trim(),
                category,
                Objects.requireNonNullElse(report.determination(), Determination.SUSPECTED),
                Objects.requireNonNullElse(report.severity(), Severity.MEDIUM),
                impact,
                urgency,
                matrix.priorityOf(impact, urgency),
                Objects.requireNonNullElse(report.tlp(), Tlp.AMBER),
                Objects.requireNonNullElse(report.pap(), Pap.AMBER),
                Boolean.TRUE.equals(report.confidential()),
                report.owner(),
                report.team(),
                report.businessUnit(),
                report.occurredAt(),
                report.detectedAt(),
                report.asset(),
                report.template(),
                report.detectionSource(),
                report.detectedBy());
    }

    /** Why impact or urgency is not a level of the matrix, if one is not. */
    static Optional<Refusal> levelsProblem(PriorityMatrix matrix, Optional<Integer> impact, Optional<Integer> urgency) {
        if (impact.isEmpty()) {
            return Optional.of(Refusal.invalid(
                    "impact", SharedRefusals.MUST_BE_ONE_OF, matrix.impacts().toString()));
        }
        if (urgency.isEmpty()) {
            return Optional.of(Refusal.invalid(
                    "urgency", SharedRefusals.MUST_BE_ONE_OF, matrix.urgencies().toString()));
        }
        return Optional.empty();
    }

    /** Why the owner, team or business unit cannot be given to an incident, if one does not exist. */
    Optional<Refusal> assignmentProblem(
            @Nullable UserId owner, @Nullable TeamId team, @Nullable BusinessUnitId businessUnit) {
        if (owner != null && !identity.userExists(owner)) {
            return Optional.of(Refusal.invalid("owner", SharedRefusals.USER_DOES_NOT_EXIST, owner.toString()));
        }
        if (team != null && !identity.teamExists(team)) {
            return Optional.of(Refusal.invalid("team", SharedRefusals.TEAM_DOES_NOT_EXIST, team.toString()));
        }
        if (businessUnit != null && !identity.businessUnitExists(businessUnit)) {
            return Optional.of(Refusal.invalid(
                    "businessUnit", SharedRefusals.BUSINESS_UNIT_DOES_NOT_EXIST, businessUnit.toString()));
        }
        return Optional.empty();
    }

    /** Why the times are wrong, if they are: in the future, or detected before it occurred. */
    Optional<Refusal> timesProblem(@Nullable Instant occurredAt, @Nullable Instant detectedAt) {
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (occurredAt != null && occurredAt.isAfter(latest)) {
            return Optional.of(Refusal.invalid("occurredAt", SharedRefusals.LIES_IN_THE_FUTURE));
        }
        if (detectedAt != null && detectedAt.isAfter(latest)) {
            return Optional.of(Refusal.invalid("detectedAt", SharedRefusals.LIES_IN_THE_FUTURE));
        }
        if (occurredAt != null && detectedAt != null && detectedAt.isBefore(occurredAt)) {
            return Optional.of(Refusal.invalid("detectedAt", IncidentRefusals.DETECTED_BEFORE_OCCURRED));
        }
        return Optional.empty();
    }

    /** Whether the category is an RSIT class and type. */
    boolean isKnown(Category category) {
        return taxonomy.contains(category);
    }

    /** The refusal of a category that is not an RSIT class and type. */
    static Refusal unknownCategory(Category category) {
        return Refusal.invalid("category", IncidentRefusals.NOT_A_CATEGORY, category.rsitClass(), category.rsitType());
    }
}
