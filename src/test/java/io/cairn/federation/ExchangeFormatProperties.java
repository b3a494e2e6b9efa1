package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Outcome;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The format loses nothing it carries: every message the writer produces is valid by the schema and the rules, reads
 * back as the same message, and its incident, kept in this instance's own form, makes the same message part again,
 * unknown extensions and all.
 */
class ExchangeFormatProperties {

    private final ExchangeValidator validator = new ExchangeValidator(256 * 1024);

    @Property(tries = 300)
    void aMessageReadsBackAsItWasWritten(@ForAll("messages") ExchangeMessage message) {
        Outcome<ExchangeMessage> read = validator.read(ExchangeJson.write(message));

        assertThat(read)
                .as(new String(ExchangeJson.write(message), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(Outcome.done(message));
    }

    @Property(tries = 300)
    void anIncidentKeptAsItCameMakesTheSameMessagePart(@ForAll("messages") ExchangeMessage message) {
        ExchangeMessage received =
                ((Outcome.Done<ExchangeMessage>) validator.read(ExchangeJson.write(message))).value();

        SharedIncident kept = IncidentExchangeMapping.fromMessage(received.incident());

        assertThat(IncidentExchangeMapping.toMessage(kept)).isEqualTo(Outcome.done(message.incident()));
    }

    @Provide
    Arbitrary<ExchangeMessage> messages() {
        return ExchangeArbitraries.messages();
    }
}
