package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Obligations follow the facts and decisions on the shipped regimes: a risk opens the supervisory authority's stage
 * due 72 hours after awareness, a high risk also the data subjects'; a changed decision closes and reopens them with
 * the original awareness (GDPR-4); a notification a later re-assessment makes due counts from when the new facts were
 * established (GDPR-11); the stages that apply follow the GDPR role; a regime kept as JSON counts as it did.
 */
class ObligationDerivationTest {

    private static final Regime GDPR = shipped("gdpr.yaml");

    static Regime shipped(String file) {
        try {
            return RegimeReadingTest.shipped(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Instant AWARE = Instant.parse("2025-03-07T10:00:00Z");
    private static final Instant NOW = Instant.parse("2025-03-08T09:00:00Z");
    private static final LegalEntityProfile CONTROLLER = profile(GdprRole.CONTROLLER);

    private final Map<FactKey, RegimeFactView> facts = new LinkedHashMap<>();
    private final Map<DecisionKind, List<DecisionView.Version>> decided = new EnumMap<>(DecisionKind.class);

    static LegalEntityProfile profile(GdprRole role) {
        return new LegalEntityProfile(
                "Voorbeeld", List.of("NL"), Nis2Status.IMPORTANT, false, role, "AP", "ap.nl", null, null, false, false);
    }

    private static Regime.Stage sa() {
        return GDPR.stage("supervisory-authority").orElseThrow();
    }

    private void aware(Instant at) {
        facts.put(
                new FactKey("gdpr", "awareness"),
                RegimeFactView.of(
                        new FactKey("gdpr", "awareness"),
                        List.of(new RegimeFactView.Version(1, at, "why", UserId.random(), "A", at))));
    }

    private void decide(DecisionKind kind, String result, Instant established) {
        List<DecisionView.Version> versions = decided.computeIfAbsent(kind, k -> new ArrayList<>());
        versions.add(
                0,
                new DecisionView.Version(
                        versions.size() + 1,
                        Map.of(),
                        List.of(),
                        result,
                        "because",
                        null,
                        established,
                        UserId.random(),
                        "A",
                        established));
    }

    private Map<String, StageState> plan(Map<String, StageState> before, LegalEntityProfile profile) {
        Map<DecisionKind, DecisionView> decisions = new EnumMap<>(DecisionKind.class);
        decided.forEach((kind, versions) -> decisions.put(kind, DecisionView.of(kind, versions)));
        RegimeFacts regime = RegimeFacts.of(facts, decisions).getOrDefault("gdpr", new RegimeFacts(Map.of(), Map.of()));
        Map<String, StageState> states = new LinkedHashMap<>();
        StagePlanning.plan(GDPR, profile, regime, before, NOW).forEach(state -> states.put(state.stage(), state));
        return states;
    }

    @Test
    void aRiskOpensTheSupervisoryAuthoritysStageDue72HoursAfterAwarenessAndAHighRiskAlsoTheDataSubjects() {
        aware(AWARE);
        decide(DecisionKind.PERSONAL_DATA_BREACH, "yes", AWARE);
        decide(DecisionKind.GDPR_RISK, "risk", AWARE);
        Map<String, StageState> risk = plan(Map.of(), CONTROLLER);
        assertThat(risk.get("supervisory-authority").dueAt()).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
        assertThat(risk.get("data-subjects").required()).isFalse();
        assertThat(risk).doesNotContainKey("controller");

        decide(DecisionKind.GDPR_RISK, "high-risk", NOW);
        Map<String, StageState> high = plan(risk, CONTROLLER);
        assertThat(high.get("supervisory-authority").dueAt()).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
        assertThat(high.get("data-subjects").required()).isTrue();
        assertThat(high.get("data-subjects").internalTarget()).isTrue();
    }

    @Test
    void anExemptionClosesTheDataSubjectsStageAndDisproportionateEffortOpensAPublicCommunicationInstead() {
        aware(AWARE);
        decide(DecisionKind.PERSONAL_DATA_BREACH, "yes", AWARE);
        decide(DecisionKind.GDPR_RISK, "high-risk", AWARE);
        Map<String, StageState> owed = plan(Map.of(), CONTROLLER);
        assertThat(owed.get("data-subjects").required()).isTrue();
        assertThat(owed.get("public-communication").required()).isFalse();

        decide(DecisionKind.GDPR_COMMUNICATION_EXEMPTION, "disproportionate-effort", NOW);
        Map<String, StageState> exempt = plan(owed, CONTROLLER);
        assertThat(exempt.get("data-subjects").required()).isFalse();
        assertThat(exempt.get("data-subjects").closedAt()).isEqualTo(NOW);
        assertThat(exempt.get("public-communication").required()).isTrue();
        assertThat(exempt.get("public-communication").dueAt()).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
        assertThat(exempt.get("supervisory-authority").required()).isTrue();

        decide(DecisionKind.GDPR_COMMUNICATION_EXEMPTION, "data-unintelligible", NOW);
        Map<String, StageState> encrypted = plan(exempt, CONTROLLER);
        assertThat(encrypted.get("data-subjects").required()).isFalse();
        assertThat(encrypted.get("public-communication").required()).isFalse();

        decide(DecisionKind.GDPR_COMMUNICATION_EXEMPTION, "none", NOW);
        Map<String, StageState> withdrawn = plan(encrypted, CONTROLLER);
        assertThat(withdrawn.get("data-subjects").required()).isTrue();
        assertThat(withdrawn.get("data-subjects").dueAt()).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
    }

    @Test
    void anUnlikelyRiskClosesTheStageAndALaterRiskReopensItWithTheOriginalAwareness() {
        aware(AWARE);
        decide(DecisionKind.PERSONAL_DATA_BREACH, "yes", AWARE);
        decide(DecisionKind.GDPR_RISK, "risk", AWARE);
        Map<String, StageState> open = plan(Map.of(), CONTROLLER);
        decide(DecisionKind.GDPR_RISK, "unlikely", NOW);
        Map<String, StageState> closed = plan(open, CONTROLLER);
        assertThat(closed.get("supervisory-authority").required()).isFalse();
        assertThat(closed.get("supervisory-authority").closedAt()).isEqualTo(NOW);
        assertThat(StageStatus.of(closed.get("supervisory-authority"), sa(), NOW))
                .isEqualTo("closed-not-required");

        decide(DecisionKind.GDPR_RISK, "risk", NOW.plusSeconds(3_600));
        Map<String, StageState> reopened = plan(closed, CONTROLLER);
        assertThat(reopened.get("supervisory-authority").dueAt()).isEqualTo(Instant.parse("2025-03-10T10:00:00Z"));
    }

    @Test
    void aNotificationThatALaterReassessmentMakesDueCountsFromWhenTheNewFactsWereEstablished() {
        aware(AWARE);
        decide(DecisionKind.PERSONAL_DATA_BREACH, "yes", AWARE);
        decide(DecisionKind.GDPR_RISK, "unlikely", AWARE);
        Map<String, StageState> none = plan(Map.of(), CONTROLLER);
        assertThat(none.get("supervisory-authority").required()).isFalse();
        Instant exfiltrationConfirmed = Instant.parse("2025-03-12T15:00:00Z");
        decide(DecisionKind.GDPR_RISK, "risk", exfiltrationConfirmed);
        Map<String, StageState> due = plan(none, CONTROLLER);
        assertThat(due.get("supervisory-authority").dueAt()).isEqualTo(Instant.parse("2025-03-15T15:00:00Z"));
    }

    @Test
    void withoutAwarenessTheStageIsRequiredButItsClockDoesNotRun() {
        decide(DecisionKind.PERSONAL_DATA_BREACH, "yes", AWARE);
        decide(DecisionKind.GDPR_RISK, "risk", AWARE);
        StageState stage = plan(Map.of(), CONTROLLER).get("supervisory-authority");
        assertThat(stage.required()).isTrue();
        assertThat(StageStatus.of(stage, sa(), NOW)).isEqualTo("not-yet-running");
        aware(AWARE);
        assertThat(StageStatus.of(
                        plan(Map.of(), CONTROLLER).get("supervisory-authority"),
                        sa(),
                        Instant.parse("2025-03-11T00:00:00Z")))
                .isEqualTo("overdue");
    }

    @Test
    void aProcessorOwesItsControllerNoticeAndNotTheAuthoritys() {
        assertThat(RegimeApplicability.stages(GDPR, profile(GdprRole.PROCESSOR)))
                .extracting(Regime.Stage::id)
                .containsExactly("controller");
        assertThat(RegimeApplicability.stages(GDPR, profile(GdprRole.BOTH))).hasSize(4);
        assertThat(RegimeApplicability.applies(GDPR, CONTROLLER)).isTrue();
        LegalEntityProfile american = new LegalEntityProfile(
                "Example Inc",
                List.of("US"),
                Nis2Status.NOT_IN_SCOPE,
                false,
                GdprRole.CONTROLLER,
                "-",
                "-",
                null,
                null,
                true,
                false);
        assertThat(RegimeApplicability.applies(GDPR, american)).isFalse();
        assertThat(RegimeApplicability.applies(shipped("sec-8k.yaml"), american))
                .isTrue();
        assertThat(RegimeApplicability.applies(shipped("dora.yaml"), american)).isFalse();
    }

    @Test
    void aRegimeKeptAsJsonCountsAsTheRegimeItWas() {
        for (String file : List.of("gdpr.yaml", "nis2.yaml", "dora.yaml", "sec-8k.yaml", "hipaa.yaml")) {
            Regime shipped = shipped(file);
            assertThat(RegimeJson.read(RegimeJson.write(shipped))).isEqualTo(shipped);
        }
    }

    @Test
    void aDoraClassificationThatTheDecisionSaysIsNotMajorIsWithdrawn() {
        Map<DecisionKind, DecisionView> decisions = new EnumMap<>(DecisionKind.class);
        assertThat(DecisionTriggers.withdrawn("dora.dora-major", decisions)).isFalse();
        decide(DecisionKind.DORA_MAJOR, "not-major", AWARE);
        decisions.put(
                DecisionKind.DORA_MAJOR,
                DecisionView.of(DecisionKind.DORA_MAJOR, decided.get(DecisionKind.DORA_MAJOR)));
        assertThat(DecisionTriggers.withdrawn("dora.dora-major", decisions)).isTrue();
    }
}
