package io.cairn.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox: each notification in its own short transaction that holds its row while the channel delivers
 * it. A failed attempt is counted and retried after an exponentially growing wait with a random part, so that
 * notifications that failed together are spread out; after the last allowed attempt the notification becomes a dead
 * letter that an admin can retry.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final Map<String, Channel> channels;
    private final NotificationSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxWorker(
            Outbox outbox,
            MessageTemplates templates,
            List<Channel> channels,
            NotificationSettings settings,
            TransactionTemplate transactions,
            Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${cairn.notification.drain-interval:PT10S}",
            initialDelayString = "${cairn.notification.drain-interval:PT10S}")
    void drainOnSchedule() {
        DeliveryRound round = deliverDue();
        if (round.deferred() + round.deadLettered() > 0) {
            log.warn(
                    "Notifications: {} delivered, {} failed and wait for another attempt, {} dead-lettered",
                    round.delivered(),
                    round.deferred(),
                    round.deadLettered());
        }
    }

    /** One pass: delivers what is due, at most a batch, each notification at most once. */
    DeliveryRound deliverDue() {
        Instant roundStart = clock.instant();
        int delivered = 0;
        int deferred = 0;
        int dead = 0;
        for (int i = 0; i < settings.batchSize(); i++) {
            Attempt attempt = transactions.execute(status -> deliverNext(roundStart));
            if (attempt == null || attempt == Attempt.NONE_DUE) {
                break;
            }
            switch (attempt) {
                case DELIVERED -> delivered++;
                case DEFERRED -> deferred++;
                case DEAD -> dead++;
                default -> throw new IllegalStateException("unexpected " + attempt);
            }
        }
        return new DeliveryRound(delivered, deferred, dead);
    }

    private enum Attempt {
        NONE_DUE,
        DELIVERED,
        DEFERRED,
        DEAD
    }

    private Attempt deliverNext(Instant roundStart) {
        Instant now = clock.instant();
        Outbox.Claimed next = outbox.claimNextDue(now, roundStart).orElse(null);
        if (next == null) {
            return Attempt.NONE_DUE;
        }
        int attempt = next.attempts() + 1;
        try {
            channel(next.channel()).deliver(message(next));
            outbox.delivered(next.id(), attempt, clock.instant());
            return Attempt.DELIVERED;
        } catch (RuntimeException failure) {
            String reason = reason(failure);
            boolean last = attempt >= settings.maxAttempts();
            Instant failedAt = clock.instant();
            @Nullable
            Instant retryAt = last ? null : failedAt.plus(settings.delayAfter(attempt, ThreadLocalRandom.current()));
            outbox.failed(next.id(), attempt, reason, retryAt, failedAt);
            if (last) {
                log.warn(
                        "Notification {} to {} is dead-lettered after {} attempts: {}",
                        next.id(),
                        next.recipient(),
                        attempt,
                        reason);
            }
            return last ? Attempt.DEAD : Attempt.DEFERRED;
        }
    }

    private Channel channel(String name) {
        Channel channel = channels.get(name);
        if (channel == null) {
            throw new IllegalStateException("there is no channel '" + name + "'");
        }
        return channel;
    }

    private OutgoingMessage message(Outbox.Claimed notification) {
        Map<String, Object> parameters = new HashMap<>(notification.parameters());
        parameters.putAll(notification.secrets());
        MessageTemplates.Rendered rendered =
                templates.render(notification.template(), notification.language(), parameters);
        Object inReplyTo = parameters.get("inReplyTo");
        return new OutgoingMessage(
                notification.id(),
                notification.recipient(),
                rendered.subject(),
                rendered.body(),
                inReplyTo instanceof String text ? text : null);
    }

    /** The failure and its causes in one line, as the delivery log keeps it. */
    private static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < 1000; cause = cause.getCause()) {
            if (reason.length() > 0) {
                reason.append(" <- ");
            }
            reason.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        String text = reason.toString().replaceAll("\\s+", " ");
        return text.length() <= 1000 ? text : text.substring(0, 999) + "\u2026";
    }
}
