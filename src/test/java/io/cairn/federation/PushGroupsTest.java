package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.delivery.ClaimedDelivery;
import io.cairn.delivery.DeliveryId;
import io.cairn.delivery.Undeliverable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How the outbox's claimed messages go out together: by peer, within the envelope's limits, and what each receipt of
 * the peer's answer makes of its message.
 */
class PushGroupsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private final Map<DeliveryId, FederationOutbox.Destination> destinations = new HashMap<>();

    private ClaimedDelivery queued(String peer, String state, boolean subscribed, int jwsLength) {
        DeliveryId id = new DeliveryId(UUID.randomUUID());
        destinations.put(
                id,
                new FederationOutbox.Destination(new FederationOutbox.Recipient(subscribed, state, peer), jwsLength));
        return new ClaimedDelivery(id, 1, NOW, NOW.plusSeconds(120));
    }

    @Test
    void messagesForOnePeerShareEnvelopesOfAtMostTheLimitInTheirOrderAndOthersGoAlone() {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            claimed.add(queued("https://a.example", "active", true, 8_000));
            if (i % 3 == 0) {
                claimed.add(queued("https://b.example", "active", true, 8_000));
            }
        }
        ClaimedDelivery suspended = queued("https://c.example", "suspended", true, 8_000);
        ClaimedDelivery cancelled = queued("https://a.example", "active", false, 8_000);
        claimed.add(suspended);
        claimed.add(cancelled);

        List<List<ClaimedDelivery>> groups = PushGroups.byPeer(claimed, destinations, 3);

        assertThat(groups.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(claimed);
        assertThat(groups).allSatisfy(group -> assertThat(group).hasSizeBetween(1, 3));
        assertThat(groups).contains(List.of(suspended), List.of(cancelled));
        List<ClaimedDelivery> toA = claimed.stream()
                .filter(item -> destinations
                        .get(item.id())
                        .recipient()
                        .reachable()
                        .filter("https://a.example"::equals)
                        .isPresent())
                .toList();
        assertThat(groups.stream()
                        .filter(group -> toA.contains(group.get(0)))
                        .flatMap(List::stream)
                        .toList())
                .as("in their order, none mixed with another peer's")
                .containsExactlyElementsOf(toA);
        assertThat(groups.stream().filter(group -> toA.contains(group.get(0))).count())
                .isEqualTo(3);
    }

    @Test
    void anEnvelopeHoldsNoMoreBytesThanTheInboxReads() {
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            claimed.add(queued("https://a.example", "active", true, 340_000));
        }

        List<List<ClaimedDelivery>> groups = PushGroups.byPeer(claimed, destinations, 100);

        assertThat(groups).hasSizeGreaterThan(1);
        assertThat(groups)
                .allSatisfy(group -> assertThat(group.size() * 340_000L).isLessThan(InboxEnvelope.MAX_BYTES));
    }

    @Test
    void eachReceiptDecidesItsMessageAndAnAnswerWithoutReceiptsFailsThemAllForAnotherAttempt() {
        List<ClaimedDelivery> items = List.of(
                queued("https://a.example", "active", true, 10),
                queued("https://a.example", "active", true, 10),
                queued("https://a.example", "active", true, 10),
                queued("https://a.example", "active", true, 10),
                queued("https://a.example", "active", true, 10));
        String body = """
                {"receipts": [
                  {"index": 0, "messageId": "%s", "outcome": "accepted"},
                  {"index": 1, "messageId": "%s", "outcome": "duplicate"},
                  {"index": 2, "outcome": "refused", "status": 400, "field": "/recipient/url", "reason": "must be"},
                  {"index": 3, "outcome": "refused", "status": 403, "reason": "only an active provider"}
                ]}""".formatted(UUID.randomUUID(), UUID.randomUUID());

        Map<DeliveryId, RuntimeException> failed = PushGroups.failures(
                items, new PeerHttp.Answer(200, body.getBytes(StandardCharsets.UTF_8), "application/json"), body);

        assertThat(failed)
                .containsOnlyKeys(
                        items.get(2).id(), items.get(3).id(), items.get(4).id());
        assertThat(failed.get(items.get(2).id()))
                .isInstanceOf(Undeliverable.class)
                .hasMessageContaining("/recipient/url must be");
        assertThat(failed.get(items.get(3).id())).isInstanceOf(IllegalStateException.class);
        assertThat(failed.get(items.get(4).id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a receipt");

        Map<DeliveryId, RuntimeException> unavailable =
                PushGroups.failures(items, new PeerHttp.Answer(503, new byte[0], "text/plain"), "busy");
        assertThat(unavailable)
                .containsOnlyKeys(items.stream().map(ClaimedDelivery::id).toList());
        assertThat(unavailable.values())
                .allSatisfy(failure -> assertThat(failure)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("503"));
    }
}
