package io.cairn.notification;

import io.cairn.delivery.DeliveryRound;
import io.cairn.delivery.DeliveryState;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's entry point: delivering what is due, and the dead letters that admins see and retry.
 *
 * <p>Notifications themselves are queued by this module's listeners, in the transaction of the event that causes
 * them; other modules never call in.
 */
@Service
public class NotificationManagement {

    /** The most dead letters one list shows. */
    static final int DEAD_LETTER_LIMIT = 500;

    private final Outbox outbox;
    private final OutboxWorker worker;
    private final Inbox inbox;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationManagement(
            Outbox outbox,
            OutboxWorker worker,
            Inbox inbox,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.worker = worker;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** Delivers the notifications that are due now, as the scheduled worker does every drain interval. */
    public DeliveryRound deliverDue() {
        return worker.deliverDue();
    }

    /** The notifications given up on after their last attempt, most recent first (admin only). */
    @Transactional(readOnly = true)
    public Outcome<List<NotificationView>> deadLetters() {
        return requireAdmin("see dead letters")
                .<Outcome<List<NotificationView>>>map(Outcome::refused)
                .orElseGet(() -> Outcome.done(outbox.deadLetters(DEAD_LETTER_LIMIT)));
    }

    /** One notification with its delivery log (admin only). */
    @Transactional(readOnly = true)
    public Outcome<NotificationView> notification(NotificationId id) {
        return requireAdmin("see notifications")
                .<Outcome<NotificationView>>map(Outcome::refused)
                .orElseGet(() -> outbox.find(id)
                        .<Outcome<NotificationView>>map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("notification " + id))));
    }

    /**
     * Sends a dead letter back to the outbox with a fresh count of attempts, due at once (admin only). Only a dead
     * letter can be retried: a pending notification is retried anyway, and a delivered one is done.
     */
    @Transactional
    public Outcome<NotificationView> retry(NotificationId id) {
        Optional<Refusal> refusal = requireAdmin("retry notifications");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<NotificationView> found = outbox.lock(id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("notification " + id));
        }
        NotificationView before = found.get();
        if (before.state() != DeliveryState.DEAD) {
            return Outcome.refused(Refusal.conflict(
                    NotificationRefusals.NOT_A_DEAD_LETTER, before.state().code()));
        }
        outbox.revive(id);
        NotificationView after = outbox.find(id).orElseThrow();
        events.publishEvent(new NotificationRetried(
                id, identity.requireActor().ref(), after.updatedAt(), digest(before), digest(after)));
        return Outcome.done(after);
    }

    private static String digest(NotificationView notification) {
        return ContentDigest.of("notification{id=" + notification.id() + ",state="
                        + notification.state().code() + ",attempts=" + notification.attempts() + ",updatedAt="
                        + notification.updatedAt() + "}")
                .hex();
    }

    // --- the in-app inbox of the signed-in user ---------------------------------------------------------------------

    /** The most messages one inbox page shows. */
    static final int INBOX_LIMIT = 200;

    /**
     * The signed-in user's messages, newest first, in the language (by default the user's own); only unread ones when
     * asked.
     */
    @Transactional(readOnly = true)
    public List<InboxMessage> myMessages(boolean unreadOnly, @Nullable String language) {
        return inbox.of(
                identity.requireActor().id(),
                unreadOnly,
                INBOX_LIMIT,
                language == null ? identity.myAccount().languageOrEnglish() : language);
    }

    /** How many of the signed-in user's messages are unread. */
    @Transactional(readOnly = true)
    public long myUnreadCount() {
        return identity.currentActor().map(actor -> inbox.unread(actor.id())).orElse(0L);
    }

    /**
     * Marks one of the signed-in user's messages read, in the audit trail the first time; another user's message is
     * reported as absent.
     */
    @Transactional
    public Outcome<java.util.UUID> markRead(java.util.UUID message) {
        Actor reader = identity.requireActor();
        Instant now = clock.instant();
        Optional<Instant> read = inbox.markRead(reader.id(), message, now);
        if (read.isEmpty()) {
            return Outcome.refused(Refusal.notFound("message " + message));
        }
        if (read.get().equals(now)) {
            events.publishEvent(InboxRead.message(message, reader.ref(), now));
        }
        return Outcome.done(message);
    }

    /** Marks all of the signed-in user's messages read, in the audit trail when any was unread; how many were. */
    @Transactional
    public int markAllRead() {
        Actor reader = identity.requireActor();
        Instant now = clock.instant();
        int marked = inbox.markAllRead(reader.id(), now);
        if (marked > 0) {
            events.publishEvent(InboxRead.all(reader.ref(), marked, now));
        }
        return marked;
    }

    private Optional<Refusal> requireAdmin(String what) {
        Optional<Actor> actor = identity.currentActor();
        return actor.isPresent() && actor.get().has(Role.ADMIN)
                ? Optional.empty()
                : Optional.of(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
    }
}
