package io.cairn.federation;

import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.IdentityManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The rules for what an admin gives for a peer: every problem of every field, at once. */
@Component
class PeerChecks {

    static final Set<String> ROLES = Set.of("provider", "customer");
    static final int MAX_NAME = 100;

    private final FederationSettings settings;
    private final IdentityManagement identity;

    PeerChecks(FederationSettings settings, IdentityManagement identity) {
        this.settings = settings;
        this.identity = identity;
    }

    /**
     * A definition whose every field is good.
     *
     * @param keys the pasted keys, or null to fetch them
     * @param businessUnit a provider's business unit, or null
     */
    record Checked(
            String name,
            String baseUrl,
            String role,
            @Nullable JWKSet keys,
            @Nullable UUID businessUnit) {}

    Outcome<Checked> check(PeerDefinition definition) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        String name = definition.name() == null ? "" : definition.name().trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(Refusal.FieldProblem.of("name", SharedRefusals.NAME_LENGTH));
        }
        String role = definition.role() == null ? "" : definition.role().trim();
        if (!ROLES.contains(role)) {
            problems.add(Refusal.FieldProblem.of("role", SharedRefusals.MUST_BE_ONE_OF, "provider, customer"));
        }
        Outcome<String> baseUrl = PeerUrls.normalise("baseUrl", definition.baseUrl(), settings.allowHttp());
        problemOf(baseUrl, problems);
        String pasted = definition.keys();
        Outcome<JWKSet> keys = pasted != null && !pasted.isBlank()
                ? PublicKeySets.read("keys", pasted, settings.maxKeySetBytes().toBytes())
                : Outcome.done(new JWKSet());
        problemOf(keys, problems);
        UUID businessUnit = businessUnit(definition.businessUnit(), role, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(
                    problems.size() == 1
                            ? new Refusal(
                                    Refusal.Kind.INVALID,
                                    problems.get(0).field() + ": "
                                            + problems.get(0).message(),
                                    problems,
                                    problems.get(0).code(),
                                    problems.get(0).field() + ": "
                                            + problems.get(0).template(),
                                    problems.get(0).arguments())
                            : Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new Checked(
                name,
                ((Outcome.Done<String>) baseUrl).value(),
                role,
                definition.keysPasted() ? ((Outcome.Done<JWKSet>) keys).value() : null,
                businessUnit));
    }

    /** The business unit named, if it exists and the peer is a provider; null when none is named. */
    private @Nullable UUID businessUnit(@Nullable String given, String role, List<Refusal.FieldProblem> problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        Optional<BusinessUnitId> id = businessUnitId(given.trim());
        if (id.isEmpty() || !identity.businessUnitExists(id.get())) {
            problems.add(Refusal.FieldProblem.of("businessUnit", FederationRefusals.UNKNOWN_BUSINESS_UNIT));
            return null;
        }
        if (!role.equals("provider")) {
            problems.add(Refusal.FieldProblem.of("businessUnit", FederationRefusals.BUSINESS_UNIT_OF_PROVIDERS));
            return null;
        }
        return id.get().value();
    }

    private static Optional<BusinessUnitId> businessUnitId(String text) {
        try {
            return Optional.of(BusinessUnitId.valueOf(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static void problemOf(Outcome<?> outcome, List<Refusal.FieldProblem> problems) {
        if (outcome instanceof Outcome.Refused<?> refused) {
            problems.addAll(refused.refusal().fields());
        }
    }
}
