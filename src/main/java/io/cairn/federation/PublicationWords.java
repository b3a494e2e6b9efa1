package io.cairn.federation;

import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The words this instance sends with a published incident, as a handler wrote them (or as a rule took them from the
 * incident): the summary, the recommended actions, what it states about personal data, the PAP and the hop budget.
 *
 * @param personalData null when nothing is stated about personal data
 * @param hopBudget how many more times receivers may relay it, 0 to 16
 */
record PublicationWords(
        String summary,
        List<String> recommendedActions,
        ExchangeMessage.@Nullable PersonalData personalData,
        Pap pap,
        int hopBudget) {

    static final int MAX_SUMMARY = 10_000;
    static final int MAX_ACTIONS = 50;
    static final int MAX_ACTION = 2_000;
    static final int MAX_CATEGORIES = 50;
    static final int MAX_CATEGORY = 100;
    static final int MAX_FREE_TEXT = 5_000;
    static final long MAX_COUNT = 1_000_000_000_000L;

    PublicationWords {
        recommendedActions = List.copyOf(recommendedActions);
    }

    /** The words as a handler gives them, each part optional; what is left out takes its default. */
    record Given(
            @Nullable String summary,
            @Nullable List<String> recommendedActions,
            @Nullable GivenPersonalData personalData,
            @Nullable String pap,
            @Nullable Integer hopBudget) {}

    /** The personal-data facts as a handler gives them. */
    record GivenPersonalData(
            @Nullable Boolean breach,
            @Nullable List<String> dataCategories,
            @Nullable Long approximateSubjects,
            @Nullable Long approximateRecords,
            @Nullable String likelyConsequences,
            @Nullable String measuresTaken,
            @Nullable Instant awareAt) {}

    /** The words a rule sends: the incident's description as the summary (cut to fit), its PAP, the default budget. */
    static PublicationWords defaults(String description, Pap pap, int hopBudget) {
        String summary = description.length() <= MAX_SUMMARY
                ? description
                : description.substring(0, MAX_SUMMARY - 1) + "\u2026";
        return new PublicationWords(summary, List.of(), null, pap, hopBudget);
    }

    /** The words given, checked, each problem naming its field; what is left out is taken from the defaults. */
    static Outcome<PublicationWords> check(Given given, PublicationWords defaults) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        String summary =
                given.summary() == null ? defaults.summary() : given.summary().strip();
        if (summary.length() > MAX_SUMMARY) {
            problems.add(Refusal.FieldProblem.of("summary", SharedRefusals.TOO_LONG, MAX_SUMMARY));
        }
        List<String> actions = actions(
                given.recommendedActions() == null ? defaults.recommendedActions() : given.recommendedActions(),
                problems);
        Pap pap = defaults.pap();
        if (given.pap() != null) {
            try {
                pap = Pap.fromLabel(given.pap());
            } catch (IllegalArgumentException e) {
                problems.add(Refusal.FieldProblem.of("pap", SharedRefusals.MUST_BE_ONE_OF, "CLEAR, GREEN, AMBER, RED"));
            }
        }
        int hops = given.hopBudget() == null ? defaults.hopBudget() : given.hopBudget();
        if (hops < 0 || hops > 16) {
            problems.add(Refusal.FieldProblem.of("hopBudget", SharedRefusals.OUT_OF_RANGE, 0, 16));
        }
        ExchangeMessage.PersonalData personal =
                given.personalData() == null ? defaults.personalData() : personalData(given.personalData(), problems);
        return problems.isEmpty()
                ? Outcome.done(new PublicationWords(summary, actions, personal, pap, hops))
                : Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
    }

    private static List<String> actions(List<String> given, List<Refusal.FieldProblem> problems) {
        List<String> actions = new ArrayList<>();
        if (given.size() > MAX_ACTIONS) {
            problems.add(Refusal.FieldProblem.of("recommendedActions", FederationRefusals.TOO_MANY, MAX_ACTIONS));
        }
        for (int i = 0; i < given.size() && i < MAX_ACTIONS; i++) {
            String action = given.get(i) == null ? "" : given.get(i).strip();
            if (action.isEmpty()) {
                problems.add(
                        Refusal.FieldProblem.of("recommendedActions[" + i + "]", SharedRefusals.MUST_NOT_BE_EMPTY));
            } else if (action.length() > MAX_ACTION) {
                problems.add(
                        Refusal.FieldProblem.of("recommendedActions[" + i + "]", SharedRefusals.TOO_LONG, MAX_ACTION));
            }
            actions.add(action);
        }
        return actions;
    }

    private static ExchangeMessage.@Nullable PersonalData personalData(
            GivenPersonalData given, List<Refusal.FieldProblem> problems) {
        if (given.breach() == null) {
            problems.add(Refusal.FieldProblem.of("personalData.breach", SharedRefusals.REQUIRED));
        }
        List<String> categories = new ArrayList<>();
        List<String> givenCategories = given.dataCategories() == null ? List.of() : given.dataCategories();
        if (givenCategories.size() > MAX_CATEGORIES) {
            problems.add(Refusal.FieldProblem.of(
                    "personalData.dataCategories", FederationRefusals.TOO_MANY, MAX_CATEGORIES));
        }
        for (int i = 0; i < givenCategories.size() && i < MAX_CATEGORIES; i++) {
            String category =
                    givenCategories.get(i) == null ? "" : givenCategories.get(i).strip();
            String field = "personalData.dataCategories[" + i + "]";
            if (category.isEmpty()) {
                problems.add(Refusal.FieldProblem.of(field, SharedRefusals.MUST_NOT_BE_EMPTY));
            } else if (category.length() > MAX_CATEGORY) {
                problems.add(Refusal.FieldProblem.of(field, SharedRefusals.TOO_LONG, MAX_CATEGORY));
            }
            categories.add(category);
        }
        long subjects = count("personalData.approximateSubjects", given.approximateSubjects(), problems);
        long records = count("personalData.approximateRecords", given.approximateRecords(), problems);
        String consequences = text("personalData.likelyConsequences", given.likelyConsequences(), problems);
        String measures = text("personalData.measuresTaken", given.measuresTaken(), problems);
        return given.breach() == null
                ? null
                : new ExchangeMessage.PersonalData(
                        given.breach(), categories, subjects, records, consequences, measures, given.awareAt());
    }

    private static long count(String field, @Nullable Long value, List<Refusal.FieldProblem> problems) {
        long count = value == null ? 0 : value;
        if (count < 0 || count > MAX_COUNT) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.OUT_OF_RANGE, 0, MAX_COUNT));
        }
        return count;
    }

    private static String text(String field, @Nullable String value, List<Refusal.FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.length() > MAX_FREE_TEXT) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.TOO_LONG, MAX_FREE_TEXT));
        }
        return text;
    }
}
