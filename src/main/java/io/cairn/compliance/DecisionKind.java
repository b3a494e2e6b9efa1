package io.cairn.compliance;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The questions a decision record answers about an incident, each with the results it may have and the regime it
 * serves. A result the rules compute (DORA major, NIS2 significant, HIPAA's presumption of breach) is never chosen.
 */
public enum DecisionKind {
    /** Is this a personal-data breach (GDPR-1)? */
    PERSONAL_DATA_BREACH("gdpr", false, "yes", "no", "unknown"),
    /** How likely is a risk to the rights and freedoms of the people concerned (GDPR-3)? */
    GDPR_RISK("gdpr", false, "unlikely", "risk", "high-risk"),
    /**
     * Is the controller exempt from telling the people of a high-risk breach (GDPR Art. 34(3), GDPR-5): no, or
     * because the data was unintelligible to others (a), later measures removed the high risk (b), or telling each
     * person would take a disproportionate effort, when a public communication takes its place (c)?
     */
    GDPR_COMMUNICATION_EXEMPTION(
            "gdpr", false, "none", "data-unintelligible", "risk-no-longer-likely", "disproportionate-effort"),
    /** Is the incident significant under NIS2 Art. 23(3) (NIS2-1)? */
    NIS2_SIGNIFICANT("nis2", true, "significant", "not-significant"),
    /** Is the ICT-related incident major under DORA, by RTS 2024/1772 Art. 8(1) (DORA-1)? */
    DORA_MAJOR("dora", true, "major", "not-major"),
    /** Is the incident material to the registrant (SEC Form 8-K Item 1.05, OTH-1)? */
    SEC_MATERIAL("sec-8k", false, "material", "not-material", "undetermined"),
    /** Is the impermissible use or disclosure of PHI a breach, by the four factors (HIPAA, OTH-3)? */
    HIPAA_BREACH("hipaa", true, "breach", "low-probability", "secured-phi");

    private final String regime;
    private final boolean computed;
    private final List<String> results;

    DecisionKind(String regime, boolean computed, String... results) {
        this.regime = regime;
        this.computed = computed;
        this.results = List.of(results);
    }

    /** The code the API and pages use: {@code personal-data-breach}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The regime the decision serves. */
    public String regime() {
        return regime;
    }

    /** Whether the rules compute the result from the inputs rather than the decider choosing it. */
    public boolean computed() {
        return computed;
    }

    /** The results the decision may have. */
    public List<String> results() {
        return results;
    }

    /** The kind of the code, if there is one. */
    public static Optional<DecisionKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }

    /** The codes of all kinds, for a message. */
    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(DecisionKind::code).toList());
    }
}
