package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.incidents.Category;
import io.cairn.incidents.Determination;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Milestones;
import io.cairn.incidents.Severity;
import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** An incident as its publisher shares it becomes the message's incident part, under its exchange id, never its own. */
class IncidentExchangeMappingTest {

    private static final Instant OCCURRED = Instant.parse("2026-12-03T02:10:00Z");
    private static final Instant DETECTED = Instant.parse("2026-12-03T04:35:00Z");
    private static final Instant UPDATED = Instant.parse("2026-12-03T09:10:00Z");

    private final SharedIncident.Sharing sharing = new SharedIncident.Sharing(
            List.of(new ExchangeMessage.AffectedService(UUID.randomUUID(), "Object storage")),
            List.of("Rotate your access keys."),
            List.of(new ExchangeMessage.Indicator("ip-address", "203.0.113.45", true, "AMBER")),
            null,
            4,
            ExchangeMessage.Provenance.compact("a.b.c.d.e", "0".repeat(64)),
            Map.of("org.example:ticket", JsonNodeFactory.instance.stringNode("INC-7")));

    @Test
    void sharesTheIncidentsFactsUnderItsExchangeId() {
        IncidentView view = view(Tlp.AMBER);
        UUID exchangeId = UUID.randomUUID();

        ExchangeMessage.Incident part = ((Outcome.Done<ExchangeMessage.Incident>)
                        IncidentExchangeMapping.toMessage(SharedIncident.of(view, exchangeId, 2, sharing)))
                .value();

        assertThat(part.id()).isEqualTo(exchangeId).isNotEqualTo(view.id().value());
        assertThat(part.version()).isEqualTo(2);
        assertThat(part.title()).isEqualTo("Storage breach");
        assertThat(part.summary()).isEqualTo("Buckets were read");
        assertThat(part.category()).isEqualTo(new ExchangeMessage.Category("intrusions", "system-compromise"));
        assertThat(List.of(part.status(), part.determination(), part.severity(), part.tlp(), part.pap()))
                .containsExactly("containment", "confirmed", "high", "AMBER", "GREEN");
        assertThat(List.of(part.occurredAt(), part.detectedAt(), part.updatedAt()))
                .containsExactly(OCCURRED, DETECTED, UPDATED);
        assertThat(part.hopBudget()).isEqualTo(4);
        assertThat(part.extensions()).containsKey("org.example:ticket");
        assertThat(new String(
                        ExchangeJson.write(new ExchangeMessage(
                                ExchangeSchema.ID,
                                UUID.randomUUID(),
                                "publication",
                                UPDATED,
                                UPDATED.plusSeconds(3600),
                                new ExchangeMessage.Publisher("Cloud", "https://cloud.example"),
                                new ExchangeMessage.Recipient("https://platform.example"),
                                UUID.randomUUID(),
                                part,
                                null,
                                null)),
                        java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(view.id().toString(), view.reference());
    }

    @Test
    void anIncidentMarkedRedHasNoMessage() {
        Outcome<ExchangeMessage.Incident> red =
                IncidentExchangeMapping.toMessage(SharedIncident.of(view(Tlp.RED), UUID.randomUUID(), 1, sharing));

        assertThat(red)
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        refused -> assertThat(refused.refusal().message())
                                .isEqualTo("tlp: an incident marked TLP:RED never leaves this instance"));
    }

    private static IncidentView view(Tlp tlp) {
        return new IncidentView(
                new IncidentId(UUID.randomUUID()),
                42,
                "Storage breach",
                "Buckets were read",
                new Category("intrusions", "system-compromise"),
                Determination.CONFIRMED,
                Severity.HIGH,
                "high",
                "high",
                "P1",
                1,
                tlp,
                Pap.GREEN,
                null,
                null,
                null,
                null,
                false,
                Status.CONTAINMENT,
                null,
                null,
                null,
                new Milestones(OCCURRED, DETECTED, DETECTED, null, null, null, null, null, null),
                UPDATED,
                null,
                null,
                null,
                List.of(),
                null,
                false,
                3);
    }
}
