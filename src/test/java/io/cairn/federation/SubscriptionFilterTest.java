package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.incidents.Category;
import io.cairn.incidents.Determination;
import io.cairn.incidents.Severity;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionFilterTest {

    private static final UUID STORAGE = UUID.randomUUID();
    private static final UUID MAIL = UUID.randomUUID();
    private static final Category COMPROMISE = new Category("intrusions", "system-compromise");

    @Test
    void anEmptyFilterMatchesEveryIncident() {
        var filter = new SubscriptionFilter(Set.of(), null, List.of());

        assertThat(filter.matches(Severity.LOW, Category.UNDETERMINED, List.of()))
                .isTrue();
    }

    @Test
    void aFilterOnServicesMatchesAnIncidentThatNamesOneOfThem() {
        var filter = new SubscriptionFilter(Set.of(STORAGE), null, List.of());

        assertThat(filter.matches(Severity.LOW, COMPROMISE, List.of(MAIL, STORAGE)))
                .isTrue();
        assertThat(filter.matches(Severity.LOW, COMPROMISE, List.of(MAIL))).isFalse();
        assertThat(filter.matches(Severity.LOW, COMPROMISE, List.of())).isFalse();
    }

    @Test
    void aMinimumSeverityLetsThroughThatSeverityAndAbove() {
        var filter = new SubscriptionFilter(Set.of(), Severity.HIGH, List.of());

        assertThat(filter.matches(Severity.HIGH, COMPROMISE, List.of())).isTrue();
        assertThat(filter.matches(Severity.CRITICAL, COMPROMISE, List.of())).isTrue();
        assertThat(filter.matches(Severity.MEDIUM, COMPROMISE, List.of())).isFalse();
    }

    @Test
    void aCategoryIsMatchedByItsClassOrByItsClassAndType() {
        assertThat(new SubscriptionFilter(Set.of(), null, List.of("intrusions"))
                        .matches(Severity.LOW, COMPROMISE, List.of()))
                .isTrue();
        assertThat(new SubscriptionFilter(Set.of(), null, List.of("intrusions/system-compromise"))
                        .matches(Severity.LOW, COMPROMISE, List.of()))
                .isTrue();
        assertThat(new SubscriptionFilter(Set.of(), null, List.of("intrusions/application-compromise"))
                        .matches(Severity.LOW, COMPROMISE, List.of()))
                .isFalse();
        assertThat(new SubscriptionFilter(Set.of(), null, List.of("fraud"))
                        .matches(Severity.LOW, COMPROMISE, List.of()))
                .isFalse();
    }

    @Test
    void aRuleForConfirmedIncidentsOnAServiceFromHighSeverityCoversOnlyThose() {
        var rule = new PublicationRule(true, Severity.HIGH, Set.of(STORAGE), false);

        assertThat(rule.covers(Determination.CONFIRMED, Severity.HIGH, List.of(STORAGE)))
                .isTrue();
        assertThat(rule.covers(Determination.SUSPECTED, Severity.HIGH, List.of(STORAGE)))
                .isFalse();
        assertThat(rule.covers(Determination.CONFIRMED, Severity.MEDIUM, List.of(STORAGE)))
                .isFalse();
        assertThat(rule.covers(Determination.CONFIRMED, Severity.CRITICAL, List.of(MAIL)))
                .isFalse();
    }
}
