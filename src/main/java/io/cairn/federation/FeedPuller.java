package io.cairn.federation;

import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The pull client: reads the feed of each active subscription this instance holds at an active provider, page by
 * page from its cursor until a page is empty, and receives each message with the checks of a pushed one
 * ({@link ProviderMessages}: same checks, same outcomes; a duplicate is normal here), a page of
 * {@code cairn.federation.pull-page-size} messages verified in parallel on every core and stored in one transaction
 * (one insert, one audit append), the next page fetched and verified while one is stored. A message that fails a check is skipped
 * and recorded in the round's outcome with its place and reason (and in the log): it never passes later, and the good
 * messages around it are not held back by it; it stores nothing. Applying follows apart, woken once the round ends
 * ({@link CatchUpRounds}). The cursor moves only after every message of a page was stored, so a provider that is
 * down, answers garbage or a failure half-way loses nothing: the next round reads the page again. Runs at start-up,
 * every {@code cairn.federation.pull-interval}, and when an admin asks.
 */
@Component
class FeedPuller implements AutoCloseable {

    /** The page size asked when {@code cairn.federation.pull-page-size} is not set. */
    static final int DEFAULT_PAGE_SIZE = 500;
    /** The most refusals a round's outcome names; the log has every one. */
    static final int MAX_REFUSALS = 20;
    /** A round reads at most this many pages of one feed; the next round goes on from there. */
    static final int MAX_PAGES = 1000;

    private static final Logger log = LoggerFactory.getLogger(FeedPuller.class);

    /**
     * What one round of reading a feed did.
     *
     * @param accepted the messages stored, to be applied
     * @param duplicates the messages stored before
     * @param refusals the first {@value #MAX_REFUSALS} messages refused, each with its place and reason
     * @param failure why the round stopped before the feed's end, when it did
     */
    record Pull(
            SubscriptionId subscription,
            int pages,
            int accepted,
            int duplicates,
            int refused,
            List<String> refusals,
            @Nullable String cursor,
            @Nullable String failure) {

        Pull {
            refusals = List.copyOf(refusals);
        }
    }

    private final SubscriptionStore subscriptions;
    private final PeerRegistry registry;
    private final PeerClient client;
    private final ProviderMessages messages;
    private final FeedCursors cursors;
    private final Map<SubscriptionId, ReentrantLock> reading = new ConcurrentHashMap<>();
    private final CatchUpRounds rounds;
    private final int pageSize;
    private final long maxPageBytes;
    private final ExecutorService fetching = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "federation-feed-fetch");
        thread.setDaemon(true);
        return thread;
    });

    FeedPuller(
            SubscriptionStore subscriptions,
            PeerRegistry registry,
            PeerClient client,
            ProviderMessages messages,
            FeedCursors cursors,
            CatchUpRounds rounds,
            FederationSettings settings,
            @Value("${cairn.federation.pull-page-size:" + DEFAULT_PAGE_SIZE + "}") int pageSize) {
        if (pageSize < 1 || pageSize > FeedEndpoint.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "cairn.federation.pull-page-size must be 1 to " + FeedEndpoint.MAX_LIMIT + ", not " + pageSize);
        }
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.client = client;
        this.messages = messages;
        this.cursors = cursors;
        this.rounds = rounds;
        this.pageSize = pageSize;
        this.maxPageBytes = maxPageBytes(settings, pageSize);
    }

    @Override
    public void close() {
        fetching.shutdownNow();
    }

    @Scheduled(
            fixedDelayString = "${cairn.federation.pull-interval:PT5M}",
            initialDelayString = "${cairn.federation.pull-start-delay:PT15S}")
    void pullOnSchedule() {
        for (UpstreamSubscription subscription : subscriptions.upstream((PeerId) null)) {
            if (subscription.active()) {
                Pull pull = catchUp(subscription.id(), ActorRef.SYSTEM);
                if (pull.failure() != null) {
                    log.warn(
                            "Feed of subscription {}: {}; tried again next round", pull.subscription(), pull.failure());
                }
            }
        }
    }

    /**
     * Reads the subscription's feed to its end now; a round that reads it already on this node is waited for, so that
     * one node never reads one feed twice at once.
     */
    Pull catchUp(SubscriptionId id, ActorRef actor) {
        ReentrantLock lock = reading.computeIfAbsent(id, key -> new ReentrantLock());
        lock.lock();
        try {
            return rounds.run(() -> read(id, actor));
        } finally {
            lock.unlock();
        }
    }

    private Pull read(SubscriptionId id, ActorRef actor) {
        Optional<UpstreamSubscription> subscription = subscriptions.upstream(id);
        Optional<PeerView> provider = subscription.flatMap(s -> registry.byId(s.peer()));
        if (subscription.isEmpty()
                || provider.isEmpty()
                || !subscription.get().active()
                || !provider.get().active()) {
            return new Pull(id, 0, 0, 0, 0, List.of(), null, "the subscription or its provider is not active");
        }
        Tally tally = new Tally();
        String cursor = subscription.get().feedCursor();
        CompletableFuture<Outcome<Verified>> ahead = fetch(provider.get(), id, cursor);
        for (int page = 0; page < MAX_PAGES; page++) {
            Outcome<Verified> read = ahead.join();
            if (read instanceof Outcome.Refused<Verified> refused) {
                return tally.pull(id, page, cursor, refused.refusal().message());
            }
            Verified next = ((Outcome.Done<Verified>) read).value();
            if (next.page().messages().isEmpty()) {
                return tally.pull(id, page, cursor, null);
            }
            // the next page travels and is verified while this one is stored; dropped if storing this one fails
            ahead = page + 1 < MAX_PAGES
                    ? fetch(provider.get(), id, next.page().next())
                    : CompletableFuture.completedFuture(null);
            try {
                tally.count(page, messages.storePage(next.messages()));
            } catch (RuntimeException e) {
                // the cursor stays before the page: the next round reads it again, and what was stored is a duplicate
                return tally.pull(id, page, cursor, "storing a message failed: " + e.getMessage());
            }
            cursors.moveTo(id, next.page().next(), next.page().messages().size(), actor);
            cursor = next.page().next();
        }
        return tally.pull(id, MAX_PAGES, cursor, null);
    }

    /** A page as read, and its messages verified. */
    private record Verified(Page page, ProviderMessages.VerifiedMessages messages) {}

    /** Reads a page of the feed and verifies its messages, apart from the caller, which may store the page before. */
    private CompletableFuture<Outcome<Verified>> fetch(PeerView provider, SubscriptionId id, @Nullable String cursor) {
        return CompletableFuture.supplyAsync(
                () -> page(provider, id, cursor)
                        .map(page -> new Verified(page, messages.verifyAll(page.messages(), provider))),
                fetching);
    }

    /**
     * The largest page read: a page of messages each as large as a compact JWS of {@code max-message-bytes}
     * may be, and the JSON around them. A message is at most {@code max-message-bytes}, but a page of them is not:
     * every message carries a provenance entry padded to at least 4 KiB, so a page of 100 is about 800 KB, and a
     * page read within the limit of one message was refused as too large, and the subscriber never caught up.
     */
    static long maxPageBytes(FederationSettings settings, int pageSize) {
        long maxCompact = settings.maxMessageBytes().toBytes() / 3 * 4 + 8192;
        return pageSize * (maxCompact + 8) + 4096;
    }

    /** One page of a feed: its messages in the order published, and the cursor after it. */
    record Page(List<String> messages, String next) {}

    private Outcome<Page> page(PeerView provider, SubscriptionId id, @Nullable String cursor) {
        String path = "/federation/v1/subscriptions/" + id + "/feed?limit=" + pageSize
                + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return client.get(provider, path, maxPageBytes).flatMap(answer -> {
            Optional<Page> page = answer.status() == 200 ? parse(answer.body()) : Optional.empty();
            return page.<Outcome<Page>>map(Outcome::done)
                    .orElseGet(() -> Outcome.refused(Refusal.invalid(
                            "peer",
                            FederationRefusals.FEED_UNREADABLE,
                            provider.baseUrl(),
                            String.valueOf(answer.status()))));
        });
    }

    private static Optional<Page> parse(byte[] body) {
        try {
            JsonNode page = ExchangeJson.MAPPER.readTree(body);
            JsonNode list = page.get("messages");
            JsonNode next = page.get("next");
            if (list == null
                    || !list.isArray()
                    || next == null
                    || !next.isString()
                    || next.asString().isBlank()) {
                return Optional.empty();
            }
            List<String> messages = new ArrayList<>();
            for (JsonNode message : list) {
                if (!message.isString()) {
                    return Optional.empty();
                }
                messages.add(message.asString());
            }
            return Optional.of(new Page(messages, next.asString()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** What became of the messages of a round. */
    private static final class Tally {

        private int accepted;
        private int duplicates;
        private int refused;

        private final List<String> refusals = new ArrayList<>();

        void count(int page, List<Outcome<MessageReceipts.Receipt>> receipts) {
            for (int i = 0; i < receipts.size(); i++) {
                if (receipts.get(i) instanceof Outcome.Done<MessageReceipts.Receipt> done) {
                    if (MessageReceipts.Receipt.ACCEPTED.equals(done.value().outcome())) {
                        accepted++;
                    } else {
                        duplicates++;
                    }
                } else {
                    // a message that fails a check never passes it later: it is recorded and skipped, not retried
                    refused++;
                    String refusal = "page " + (page + 1) + ", message " + (i + 1) + ": "
                            + ((Outcome.Refused<?>) receipts.get(i)).refusal().message();
                    log.warn("A message of a provider's feed was refused: {}", refusal);
                    if (refusals.size() < MAX_REFUSALS) {
                        refusals.add(refusal);
                    }
                }
            }
        }

        Pull pull(SubscriptionId id, int pages, @Nullable String cursor, @Nullable String failure) {
            return new Pull(id, pages, accepted, duplicates, refused, refusals, cursor, failure);
        }
    }
}
