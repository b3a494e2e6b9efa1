package io.cairn.notification;

import io.cairn.delivery.ClaimedDelivery;
import io.cairn.delivery.Deliverer;
import io.cairn.delivery.DeliveryId;
import io.cairn.delivery.DeliveryRound;
import io.cairn.delivery.DeliveryWorker;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox with the delivery module's worker, one notification after the other (a mail server is not to be
 * flooded): each is rendered in its language and handed to its channel outside any transaction; a failed attempt is
 * retried after a back-off with jitter, and after the last allowed attempt the notification becomes a dead letter that
 * an admin can retry.
 */
@Component
class OutboxWorker implements Deliverer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final Map<String, Channel> channels;
    private final DeliveryWorker worker;

    OutboxWorker(Outbox outbox, MessageTemplates templates, List<Channel> channels, NotificationSettings settings) {
        this.outbox = outbox;
        this.templates = templates;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.worker = outbox.queue().worker(this, settings.batchSize(), 1);
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
        return worker.deliverDue();
    }

    @Override
    public void deliver(ClaimedDelivery item) {
        Outbox.Content notification = outbox.content(item.id());
        channel(notification.channel()).deliver(message(notification));
    }

    @Override
    public void afterDelivered(DeliveryId id) {
        outbox.eraseSecrets(id);
    }

    @Override
    public void close() {
        worker.close();
    }

    private Channel channel(String name) {
        Channel channel = channels.get(name);
        if (channel == null) {
            throw new IllegalStateException("there is no channel '" + name + "'");
        }
        return channel;
    }

    private OutgoingMessage message(Outbox.Content notification) {
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
}
