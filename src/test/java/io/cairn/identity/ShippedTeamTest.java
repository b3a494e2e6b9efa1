package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The team a new install ships describes itself in the reader's language while its description is the shipped one,
 * and saving it as a Dutch reader was shown it keeps the shipped description.
 */
class ShippedTeamTest {

    private final TeamView shipped =
            new TeamView(new TeamId(UUID.randomUUID()), ShippedTeam.NAME, ShippedTeam.DESCRIPTION, null, 0);

    @Test
    void describesTheShippedTeamInTheReadersLanguageUntilSomeoneChangesIt() {
        assertThat(ShippedTeam.shown(shipped)).isEqualTo(shipped);
        TeamView inDutch = inDutch(() -> ShippedTeam.shown(shipped));
        assertThat(inDutch.description()).startsWith("Het securityteam: plaats hier de behandelaars.");
        assertThat(inDutch.name()).isEqualTo("Security");
        TeamView changed = new TeamView(shipped.id(), "Security", "Our handlers.", null, 1);
        assertThat(inDutch(() -> ShippedTeam.shown(changed))).isEqualTo(changed);
    }

    @Test
    void savingTheShippedTeamAsItWasShownInDutchKeepsItsShippedDescription() {
        String shown = inDutch(() -> ShippedTeam.shown(shipped)).description();

        TeamDefinition stored = inDutch(
                () -> ShippedTeam.asStored(new TeamDefinition("Security", shown, null), ShippedTeam.DESCRIPTION));
        assertThat(stored.description()).isEqualTo(ShippedTeam.DESCRIPTION);
        assertThat(inDutch(() -> ShippedTeam.asStored(
                                new TeamDefinition("Security", "Onze behandelaars.", null), ShippedTeam.DESCRIPTION))
                        .description())
                .isEqualTo("Onze behandelaars.");
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
