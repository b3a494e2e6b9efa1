package io.cairn.compliance;

import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A legal entity's regulatory profile as an admin submits it; {@link #check} reads it into a profile or names every
 * field at fault.
 *
 * @param jurisdictions ISO 3166 country codes (two letters) of the countries whose law applies to it
 * @param nis2 {@code essential}, {@code important} or {@code not-in-scope}
 * @param doraFinancialEntity whether it is a financial entity under DORA
 * @param gdprRole {@code controller}, {@code processor} or {@code both}
 * @param privacyOfficer the user, holding the privacy-officer role, who is its data protection officer; none yet
 * @param annualTurnoverEur the turnover of the previous financial year in whole euros; none when not given
 * @param secRegistrant whether it files with the US SEC; no when not given
 * @param hipaaCoveredEntity whether it is a HIPAA covered entity or business associate; no when not given
 */
public record LegalEntityDefinition(
        @Nullable String name,
        @Nullable List<String> jurisdictions,
        @Nullable String nis2,
        @Nullable Boolean doraFinancialEntity,
        @Nullable String gdprRole,
        @Nullable String supervisoryAuthorityName,
        @Nullable String supervisoryAuthorityContact,
        @Nullable UserId privacyOfficer,
        @Nullable Long annualTurnoverEur,
        @Nullable Boolean secRegistrant,
        @Nullable Boolean hipaaCoveredEntity) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_JURISDICTIONS = 50;

    /** The profile the definition gives, or a refusal that names every field at fault. */
    Outcome<LegalEntityProfile> check() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        String checkedName = text("name", name, 100, problems);
        List<String> codes = jurisdictions(problems);
        Nis2Status status =
                choice("nis2", nis2, Nis2Status.codes(), problems) ? Nis2Status.of(String.valueOf(nis2)) : null;
        GdprRole role =
                choice("gdprRole", gdprRole, GdprRole.codes(), problems) ? GdprRole.of(String.valueOf(gdprRole)) : null;
        if (doraFinancialEntity == null) {
            problems.add(Refusal.FieldProblem.of("doraFinancialEntity", SharedRefusals.REQUIRED));
        }
        String authority = text("supervisoryAuthorityName", supervisoryAuthorityName, 200, problems);
        String contact = text("supervisoryAuthorityContact", supervisoryAuthorityContact, 500, problems);
        if (annualTurnoverEur != null && annualTurnoverEur < 0) {
            problems.add(Refusal.FieldProblem.of("annualTurnoverEur", ComplianceRefusals.NOT_AN_AMOUNT));
        }
        if (!problems.isEmpty() || status == null || role == null || doraFinancialEntity == null) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new LegalEntityProfile(
                checkedName,
                codes,
                status,
                doraFinancialEntity,
                role,
                authority,
                contact,
                privacyOfficer,
                annualTurnoverEur,
                Boolean.TRUE.equals(secRegistrant),
                Boolean.TRUE.equals(hipaaCoveredEntity)));
    }

    private List<String> jurisdictions(List<Refusal.FieldProblem> problems) {
        if (jurisdictions == null || jurisdictions.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("jurisdictions", SharedRefusals.REQUIRED));
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : jurisdictions) {
            String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(upper)) {
                problems.add(Refusal.FieldProblem.of(
                        "jurisdictions", ComplianceRefusals.NOT_A_COUNTRY, abbreviated(String.valueOf(code))));
                return List.of();
            }
            codes.add(upper);
        }
        if (codes.size() > MAX_JURISDICTIONS) {
            problems.add(Refusal.FieldProblem.of("jurisdictions", SharedRefusals.OUT_OF_RANGE, 1, MAX_JURISDICTIONS));
        }
        return List.copyOf(codes);
    }

    private static boolean choice(
            String field, @Nullable String value, List<String> codes, List<Refusal.FieldProblem> problems) {
        if (value == null || !codes.contains(value.strip())) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.MUST_BE_ONE_OF, String.join(", ", codes)));
            return false;
        }
        return true;
    }

    private static String text(String field, @Nullable String value, int max, List<Refusal.FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.REQUIRED));
        } else if (text.length() > max) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.TOO_LONG, max));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problems.add(Refusal.FieldProblem.of(field, ComplianceRefusals.CONTROL_CHARACTERS));
        }
        return text;
    }

    private static String abbreviated(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
