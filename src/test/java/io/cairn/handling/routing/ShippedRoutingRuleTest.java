package io.cairn.handling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The shipped routing rule is named in English and Dutch: a Dutch reader gets its Dutch name until someone renames
 * it, and saving it as shown in Dutch keeps the shipped name.
 */
class ShippedRoutingRuleTest {

    @Test
    void namesTheShippedRoutingRuleInTheReadersLanguageUntilSomeoneRenamesIt() {
        String shipped = "Everything else to the security team";
        assertThat(ShippedRoutingRule.NAME).isEqualTo(shipped);
        assertThat(ShippedRoutingRule.ruleName(shipped)).isEqualTo(shipped);
        assertThat(inDutch(() -> ShippedRoutingRule.ruleName(shipped)))
                .isEqualTo("Al het overige naar het securityteam");
        assertThat(inDutch(() -> ShippedRoutingRule.ruleName("Phishing to the SOC")))
                .isEqualTo("Phishing to the SOC");
    }

    @Test
    void savingTheShippedRoutingRuleAsItWasShownInDutchKeepsItsShippedName() {
        String shipped = ShippedRoutingRule.NAME;
        RoutingRuleDefinition shown = new RoutingRuleDefinition(
                "Al het overige naar het securityteam", null, null, null, null, null, "Security", null, false, 3L);

        RoutingRuleDefinition stored = inDutch(() -> ShippedRoutingRule.asStored(shown, shipped));
        assertThat(stored.name()).isEqualTo(shipped);
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.version()).isEqualTo(3L);
        RoutingRuleDefinition renamed =
                new RoutingRuleDefinition("Al het andere", null, null, null, null, null, "Security", null, true, 3L);
        assertThat(inDutch(() -> ShippedRoutingRule.asStored(renamed, shipped)).name())
                .isEqualTo("Al het andere");
    }

    private static <T> T inDutch(Supplier<T> read) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        try {
            return read.get();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
