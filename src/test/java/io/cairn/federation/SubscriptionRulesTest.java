package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.incidents.Severity;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A subscription's filter and a publication rule are checked strictly, each problem naming its field. */
class SubscriptionRulesTest {

    private static final UUID STORAGE = UUID.randomUUID();
    private static final UUID COMPUTE = UUID.randomUUID();
    private static final UUID RETIRED = UUID.randomUUID();
    private static final SubscriptionRules.ServiceChoice OURS = new SubscriptionRules.ServiceChoice(
            Set.of(STORAGE, COMPUTE), Set.of(RETIRED), SubscriptionRefusals.NOT_OUR_SERVICE);
    private static final Set<String> CATEGORIES =
            Set.of("intrusions", "intrusions/system-compromise", "fraud", "fraud/phishing");

    @Test
    void anEmptyFilterIsEverything() {
        SubscriptionFilter filter =
                done(SubscriptionRules.filter(new SubscriptionRules.FilterInput(null, null, null), OURS, CATEGORIES));
        assertThat(filter.services()).isEmpty();
        assertThat(filter.minSeverity()).isNull();
        assertThat(filter.categories()).isEmpty();
    }

    @Test
    void aGoodFilterIsKeptAsGiven() {
        SubscriptionFilter filter = done(SubscriptionRules.filter(
                new SubscriptionRules.FilterInput(
                        List.of(STORAGE.toString()), "high", List.of("intrusions", "fraud/phishing")),
                OURS,
                CATEGORIES));
        assertThat(filter.services()).containsExactly(STORAGE);
        assertThat(filter.minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(filter.categories()).containsExactly("intrusions", "fraud/phishing");
    }

    @Test
    void everyProblemIsNamedByItsFieldAndIndex() {
        Refusal refusal = refused(SubscriptionRules.filter(
                new SubscriptionRules.FilterInput(
                        Arrays.asList(
                                STORAGE.toString(),
                                RETIRED.toString(),
                                UUID.randomUUID().toString(),
                                "not-a-uuid",
                                STORAGE.toString(),
                                STORAGE.toString().toUpperCase(),
                                null),
                        "High",
                        Arrays.asList("intrusions", "intrusions/nonsense", "Fraud", "intrusions", null)),
                OURS,
                CATEGORIES));
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal.fields())
                .extracting(Refusal.FieldProblem::field, Refusal.FieldProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("services[1]", "subscription.service-retired"),
                        org.assertj.core.groups.Tuple.tuple("services[2]", "subscription.not-our-service"),
                        org.assertj.core.groups.Tuple.tuple("services[3]", "subscription.not-a-service-id"),
                        org.assertj.core.groups.Tuple.tuple("services[4]", "subscription.named-twice"),
                        org.assertj.core.groups.Tuple.tuple("services[5]", "subscription.named-twice"),
                        org.assertj.core.groups.Tuple.tuple("services[6]", "subscription.not-a-service-id"),
                        org.assertj.core.groups.Tuple.tuple("minSeverity", "subscription.not-a-severity"),
                        org.assertj.core.groups.Tuple.tuple("categories[1]", "subscription.not-a-category"),
                        org.assertj.core.groups.Tuple.tuple("categories[2]", "subscription.not-a-category"),
                        org.assertj.core.groups.Tuple.tuple("categories[3]", "subscription.named-twice"),
                        org.assertj.core.groups.Tuple.tuple("categories[4]", "subscription.not-a-category"));
        assertThat(refusal.message()).contains("services[1]: is a retired service");
    }

    @Test
    void aCustomerChecksServicesAgainstItsProvidersCatalogue() {
        SubscriptionRules.ServiceChoice catalogue =
                new SubscriptionRules.ServiceChoice(Set.of(STORAGE), Set.of(), SubscriptionRefusals.NOT_IN_CATALOGUE);
        Refusal refusal = refused(SubscriptionRules.filter(
                new SubscriptionRules.FilterInput(List.of(COMPUTE.toString()), null, null), catalogue, CATEGORIES));
        assertThat(refusal.message()).isEqualTo("services[0]: is not in the provider's catalogue");
    }

    @Test
    void tooManyServicesAreRefusedWhole() {
        List<String> many = java.util.stream.Stream.generate(() -> STORAGE.toString())
                .limit(SubscriptionRules.MAX_SERVICES + 1)
                .toList();
        Refusal refusal = refused(
                SubscriptionRules.filter(new SubscriptionRules.FilterInput(many, null, null), OURS, CATEGORIES));
        assertThat(refusal.fields()).extracting(Refusal.FieldProblem::field).containsExactly("services");
    }

    @Test
    void aRuleIsConfirmedOnlyUnlessSaidOtherwiseAndNamesItsFieldsUnderRule() {
        PublicationRule rule =
                done(SubscriptionRules.rule(new SubscriptionRules.RuleInput(null, "critical", null, null), OURS));
        assertThat(rule.confirmedOnly()).isTrue();
        assertThat(rule.minSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(done(SubscriptionRules.rule(new SubscriptionRules.RuleInput(false, null, List.of(), true), OURS))
                        .confirmedOnly())
                .isFalse();
        Refusal refusal = refused(SubscriptionRules.rule(
                new SubscriptionRules.RuleInput(true, "extreme", List.of(RETIRED.toString()), null), OURS));
        assertThat(refusal.fields())
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("rule.services[0]", "rule.minSeverity");
    }

    private static <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }

    private static Refusal refused(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).refusal();
    }
}
