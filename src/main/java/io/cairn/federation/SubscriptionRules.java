package io.cairn.federation;

import io.cairn.incidents.Severity;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules a subscription's filter and a publication rule are checked by, as given: each service id a UUID of a
 * service that is known and not retired, each category an RSIT class or class/type known here, the severity one of
 * the severities, nothing named twice. Every problem names its field ({@code services[2]}), and all are told at once.
 */
final class SubscriptionRules {

    static final int MAX_SERVICES = 500;
    static final int MAX_CATEGORIES = 200;

    private SubscriptionRules() {}

    /**
     * A filter as a caller gave it: missing lists are empty (every service, every category), a missing severity is
     * every severity.
     */
    record FilterInput(
            @Nullable List<String> services,
            @Nullable String minSeverity,
            @Nullable List<String> categories) {}

    /** A publication rule as an admin gave it; a missing severity is every severity. */
    record RuleInput(
            @Nullable Boolean confirmedOnly,
            @Nullable String minSeverity,
            @Nullable List<String> services,
            @Nullable Boolean relayReceived) {}

    /**
     * What services a filter or rule may name.
     *
     * @param known the ids that may be named
     * @param retired ids that are known but retired, refused as such
     * @param unknown the reason an id outside {@code known} is refused
     */
    record ServiceChoice(Set<UUID> known, Set<UUID> retired, SubscriptionRefusals unknown) {}

    /** The filter the input describes, or a refusal naming every field at fault. */
    static Outcome<SubscriptionFilter> filter(FilterInput input, ServiceChoice services, Set<String> categories) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Set<UUID> serviceIds = services("services", input.services(), services, problems);
        Severity severity = severity("minSeverity", input.minSeverity(), problems);
        List<String> categoryCodes = categories(input.categories(), categories, problems);
        return problems.isEmpty()
                ? Outcome.done(new SubscriptionFilter(serviceIds, severity, categoryCodes))
                : Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
    }

    /** The rule the input describes, or a refusal naming every field at fault; confirmed only unless said otherwise. */
    static Outcome<PublicationRule> rule(RuleInput input, ServiceChoice services) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Set<UUID> serviceIds = services("rule.services", input.services(), services, problems);
        Severity severity = severity("rule.minSeverity", input.minSeverity(), problems);
        return problems.isEmpty()
                ? Outcome.done(new PublicationRule(
                        !Boolean.FALSE.equals(input.confirmedOnly()),
                        severity,
                        serviceIds,
                        Boolean.TRUE.equals(input.relayReceived())))
                : Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
    }

    private static Set<UUID> services(
            String field, @Nullable List<String> given, ServiceChoice choice, List<Refusal.FieldProblem> problems) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (given == null) {
            return ids;
        }
        if (given.size() > MAX_SERVICES) {
            problems.add(Refusal.FieldProblem.of(field, SubscriptionRefusals.TOO_MANY, MAX_SERVICES));
            return ids;
        }
        for (int i = 0; i < given.size(); i++) {
            String name = field + "[" + i + "]";
            UUID id = uuid(given.get(i));
            SubscriptionRefusals problem = id == null
                    ? SubscriptionRefusals.NOT_A_SERVICE_ID
                    : choice.retired().contains(id)
                            ? SubscriptionRefusals.SERVICE_RETIRED
                            : !choice.known().contains(id)
                                    ? choice.unknown()
                                    : !ids.add(id) ? SubscriptionRefusals.NAMED_TWICE : null;
            if (problem != null) {
                problems.add(Refusal.FieldProblem.of(name, problem));
            }
        }
        return ids;
    }

    private static List<String> categories(
            @Nullable List<String> given, Set<String> known, List<Refusal.FieldProblem> problems) {
        Set<String> codes = new LinkedHashSet<>();
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_CATEGORIES) {
            problems.add(Refusal.FieldProblem.of("categories", SubscriptionRefusals.TOO_MANY, MAX_CATEGORIES));
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            if (code == null || !known.contains(code)) {
                problems.add(Refusal.FieldProblem.of("categories[" + i + "]", SubscriptionRefusals.NOT_A_CATEGORY));
            } else if (!codes.add(code)) {
                problems.add(Refusal.FieldProblem.of("categories[" + i + "]", SubscriptionRefusals.NAMED_TWICE));
            }
        }
        return List.copyOf(codes);
    }

    private static @Nullable Severity severity(
            String field, @Nullable String given, List<Refusal.FieldProblem> problems) {
        if (given == null) {
            return null;
        }
        for (Severity severity : Severity.values()) {
            if (severity.code().equals(given)) {
                return severity;
            }
        }
        problems.add(Refusal.FieldProblem.of(field, SubscriptionRefusals.NOT_A_SEVERITY));
        return null;
    }

    /** The UUID the text is in its canonical form, or null. */
    static @Nullable UUID uuid(@Nullable String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
