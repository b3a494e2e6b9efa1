package io.cairn.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.TeamId;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A service's definition is checked field by field, and each refusal names the field at fault. */
class ServiceRulesTest {

    private static ServiceDefinition named(@Nullable String name) {
        return new ServiceDefinition(name, "", TeamId.random(), Criticality.HIGH, List.of(), null);
    }

    private static Optional<String> fieldOf(Optional<Refusal> refusal) {
        return refusal.map(r -> r.fields().get(0).field());
    }

    @Test
    void aNameIsOneToAHundredCharactersOnceTrimmed() {
        assertThat(ServiceRules.fieldProblem(named("  Webshop "))).isEmpty();
        assertThat(fieldOf(ServiceRules.fieldProblem(named("   ")))).contains("name");
        assertThat(fieldOf(ServiceRules.fieldProblem(named(null)))).contains("name");
        assertThat(fieldOf(ServiceRules.fieldProblem(named("x".repeat(101))))).contains("name");
        assertThat(ServiceRules.fieldProblem(named("x".repeat(100)))).isEmpty();
    }

    @Test
    void aNameHasNoControlCharacters() {
        assertThat(ServiceRules.fieldProblem(named("Web\u0000shop")))
                .map(Refusal::code)
                .contains("asset.name-with-control-characters");
    }

    @Test
    void theOwnerTeamAndCriticalityAreRequiredAndTheDescriptionIsBounded() {
        assertThat(fieldOf(ServiceRules.fieldProblem(
                        new ServiceDefinition("Web", "", null, Criticality.LOW, List.of(), null))))
                .contains("ownerTeam");
        assertThat(fieldOf(ServiceRules.fieldProblem(
                        new ServiceDefinition("Web", "", TeamId.random(), null, List.of(), null))))
                .contains("criticality");
        assertThat(fieldOf(ServiceRules.fieldProblem(new ServiceDefinition(
                        "Web", "d".repeat(2_001), TeamId.random(), Criticality.LOW, List.of(), null))))
                .contains("description");
    }

    @Test
    void aDependencyMustBeAKnownServiceAndARetiredOneOnlyWhenAlreadyNamed() {
        ServiceId self = ServiceId.random();
        ServiceId retired = ServiceId.random();
        Map<ServiceId, ServiceSummary> known = Map.of(retired, new ServiceSummary(retired, "Old mail", true));
        ServiceGraph none = ServiceGraph.of(List.of());

        assertThat(fieldOf(ServiceRules.dependencyProblem(self, List.of(ServiceId.random()), known, List.of(), none)))
                .contains("dependsOn");
        assertThat(ServiceRules.dependencyProblem(self, List.of(retired), known, List.of(), none))
                .map(Refusal::message)
                .hasValueSatisfying(m -> assertThat(m).contains("Old mail is retired"));
        assertThat(ServiceRules.dependencyProblem(self, List.of(retired), known, List.of(retired), none))
                .isEmpty();
    }

    @Test
    void aCycleIsRefusedNamingTheServicesOnIt() {
        ServiceId web = ServiceId.random();
        ServiceId db = ServiceId.random();
        Map<ServiceId, ServiceSummary> known =
                Map.of(web, new ServiceSummary(web, "Web", false), db, new ServiceSummary(db, "Database", false));
        ServiceGraph graph = ServiceGraph.of(List.of(Map.entry(web, db)));

        Optional<Refusal> refusal = ServiceRules.dependencyProblem(db, List.of(web), known, List.of(), graph);

        assertThat(fieldOf(refusal)).contains("dependsOn");
        assertThat(refusal.orElseThrow().message()).contains("Database \u2192 Web \u2192 Database");
    }
}
