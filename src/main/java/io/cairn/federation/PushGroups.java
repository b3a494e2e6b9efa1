package io.cairn.federation;

import io.cairn.delivery.ClaimedDelivery;
import io.cairn.delivery.DeliveryId;
import io.cairn.delivery.Undeliverable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * How the outbox's claimed messages go out together: grouped by the peer they go to, in envelopes within the inbox's
 * limits ({@link InboxEnvelope}), and what each message's receipt in the peer's answer makes of it.
 */
final class PushGroups {

    /** Room left in an envelope for the JSON around the messages and for a message issued again on the way. */
    private static final int MARGIN_BYTES = 64 * 1024;

    private PushGroups() {}

    /**
     * The claimed items in groups for one peer each, in their order, each group at most {@code most} items and
     * {@link InboxEnvelope#MAX_BYTES} bytes less a margin; an item that cannot go now (its subscription cancelled, its
     * peer suspended or removed, its row gone) is alone, and fails alone.
     */
    static List<List<ClaimedDelivery>> byPeer(
            List<ClaimedDelivery> claimed, Map<DeliveryId, FederationOutbox.Destination> destinations, int most) {
        Map<String, Envelope> filling = new HashMap<>();
        List<List<ClaimedDelivery>> groups = new ArrayList<>();
        for (ClaimedDelivery item : claimed) {
            FederationOutbox.Destination destination = destinations.get(item.id());
            String peer = destination == null
                    ? null
                    : destination.recipient().reachable().orElse(null);
            if (destination == null || peer == null) {
                groups.add(List.of(item));
                continue;
            }
            long size = destination.jwsBytes();
            Envelope envelope = filling.get(peer);
            if (envelope == null
                    || envelope.items.size() >= most
                    || envelope.bytes + size > InboxEnvelope.MAX_BYTES - MARGIN_BYTES) {
                envelope = new Envelope();
                filling.put(peer, envelope);
                groups.add(envelope.items);
            }
            envelope.items.add(item);
            envelope.bytes += size;
        }
        return groups.stream().map(List::copyOf).toList();
    }

    /** The envelope being filled for one peer. */
    private static final class Envelope {
        private final List<ClaimedDelivery> items = new ArrayList<>();
        private long bytes;
    }

    /**
     * What the peer's answer to an envelope of these items makes of each: none when every receipt says accepted or
     * duplicate; for a refused receipt, dead at once when its status says the peer refuses it for good, else tried
     * again; every item failed, to be tried again, when the answer is no success or has no receipt for an item.
     */
    static Map<DeliveryId, RuntimeException> failures(
            List<ClaimedDelivery> items, PeerHttp.Answer answer, String detail) {
        Map<DeliveryId, RuntimeException> failed = new HashMap<>();
        JsonNode receipts = answer.status() >= 200 && answer.status() < 300 ? receipts(answer.body()) : null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode receipt = receipts == null ? null : receipts.get(i);
            RuntimeException failure = receipt == null || receipt.path("index").asInt(-1) != i
                    ? new IllegalStateException("the peer answered HTTP " + answer.status()
                            + " without a receipt for this message: " + detail)
                    : failure(receipt);
            if (failure != null) {
                failed.put(items.get(i).id(), failure);
            }
        }
        return failed;
    }

    private static @Nullable JsonNode receipts(byte[] body) {
        try {
            JsonNode receipts = ExchangeJson.MAPPER.readTree(body).path("receipts");
            return receipts.isArray() ? receipts : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Why the message of this receipt did not go out, or null when it did. */
    private static @Nullable RuntimeException failure(JsonNode receipt) {
        String outcome = receipt.path("outcome").asString("");
        if (outcome.equals(MessageReceipts.Receipt.ACCEPTED) || outcome.equals(MessageReceipts.Receipt.DUPLICATE)) {
            return null;
        }
        int status = receipt.path("status").asInt(0);
        String detail = "the peer refused the message (HTTP " + status + "): "
                + receipt.path("field").asString("") + " "
                + receipt.path("reason").asString(outcome);
        return OutboxPusher.REFUSED_FOR_GOOD.contains(status)
                ? new Undeliverable(detail.strip())
                : new IllegalStateException(detail.strip());
    }
}
