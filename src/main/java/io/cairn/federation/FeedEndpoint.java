package io.cairn.federation;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.cairn.shared.SharedRefusals;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pull feed of a subscription, for the customer peer that holds it (any other peer is told it does not exist):
 * the subscription's signed messages in the order they were published, after an opaque cursor, so that a subscriber
 * that was down catches up with everything, a message that expired meanwhile issued again ({@link MessageReissuing}).
 * The cursor is this hop's own outbox sequence, base64url-encoded.
 */
@RestController
class FeedEndpoint {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** A page of the feed: the messages (JWS compact) and the cursor to ask after next. */
    record Feed(List<String> messages, String next) {}

    private final SubscriptionStore subscriptions;
    private final FederationOutbox outbox;
    private final MessageReissuing reissuing;

    FeedEndpoint(SubscriptionStore subscriptions, FederationOutbox outbox, MessageReissuing reissuing) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.reissuing = reissuing;
    }

    @GetMapping("/federation/v1/subscriptions/{id}/feed")
    Feed feed(
            @AuthenticationPrincipal PeerView peer,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable String limit) {
        if (!"customer".equals(peer.role())) {
            throw new RefusedException(Refusal.forbidden(FederationRefusals.PEER_ROLE, "customer", peer.role()));
        }
        SubscriptionId subscription;
        try {
            subscription = SubscriptionId.valueOf(id);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.notFound("subscription " + id));
        }
        if (subscriptions
                .customers(subscription)
                .filter(s -> s.peer().equals(peer.id()))
                .isEmpty()) {
            throw new RefusedException(Refusal.notFound("subscription " + id));
        }
        int size = limit(limit);
        long from = after == null ? 0 : position(after);
        List<FederationOutbox.Stored> entries = outbox.feed(subscription, from, size);
        long last = entries.isEmpty() ? from : entries.get(entries.size() - 1).sequence();
        // a message that expired, or whose key did, while the subscriber was away is issued again as it is served
        return new Feed(entries.stream().map(reissuing::sendable).toList(), cursor(last));
    }

    private static int limit(@Nullable String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new RefusedException(Refusal.invalid("limit", SharedRefusals.OUT_OF_RANGE, 1, MAX_LIMIT));
    }

    /** The cursor after a place in this hop's sequence. */
    static String cursor(long sequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        ByteBuffer.allocate(9).put((byte) 1).putLong(sequence).array());
    }

    private static long position(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor.strip());
            if (bytes.length == 9 && bytes[0] == 1) {
                long sequence = ByteBuffer.wrap(bytes, 1, 8).getLong();
                if (sequence >= 0) {
                    return sequence;
                }
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new RefusedException(Refusal.invalid("after", FederationRefusals.FEED_CURSOR));
    }
}
