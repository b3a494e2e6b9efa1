package io.cairn.intake;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admins' register of alert sources: which systems may send alerts, and from which accounts. Every change is
 * recorded in the audit trail.
 */
@Service
class AlertSourceRegistry {

    /** The form of a source's key, which is also the form of an alert's {@code source}. */
    static final String KEY_PATTERN = "[a-z0-9][a-z0-9._-]{0,99}";

    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_SENDERS = 100;

    private static final JsonMapper json = JsonMapper.builder().build();

    private final AlertSources sources;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertSourceRegistry(
            AlertSources sources, IdentityManagement identity, ApplicationEventPublisher events, Clock clock) {
        this.sources = sources;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** Every registered source by key (admins). */
    @Transactional(readOnly = true)
    Outcome<List<AlertSource>> sources() {
        return requireAdmin("see alert sources")
                .<Outcome<List<AlertSource>>>map(Outcome::refused)
                .orElseGet(() -> {
                    Map<UserId, String> names = loginNames();
                    return Outcome.done(sources.all().stream()
                            .map(source -> view(source, names))
                            .toList());
                });
    }

    /** One source (admins). */
    @Transactional(readOnly = true)
    Outcome<AlertSource> source(String key) {
        return requireAdmin("see alert sources")
                .<Outcome<AlertSource>>map(Outcome::refused)
                .orElseGet(() -> sources.byKey(key)
                        .map(source -> Outcome.done(view(source, loginNames())))
                        .orElseGet(() -> Outcome.refused(notFound(key))));
    }

    /** Registers a source under a key no other source has (admins). */
    @Transactional
    Outcome<AlertSource> register(String key, AlertSourceDefinition definition) {
        Optional<Refusal> refusal = requireAdmin("register alert sources")
                .or(() -> key.matches(KEY_PATTERN)
                        ? Optional.empty()
                        : Optional.of(Refusal.invalid("key", IntakeRefusals.NOT_A_SOURCE_KEY)))
                .or(() -> descriptionProblem(definition));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Outcome<List<UserId>> senders = senders(definition.senders());
        if (senders instanceof Outcome.Refused<List<UserId>> refused) {
            return Outcome.refused(refused.refusal());
        }
        List<UserId> allowed = ((Outcome.Done<List<UserId>>) senders).value();
        if (!sources.add(key, definition.describedAs(), definition.enabled(), allowed, clock.instant())) {
            return Outcome.refused(Refusal.conflict("key", SharedRefusals.ALREADY_TAKEN));
        }
        return published(key, AlertSourceChanged.Verb.REGISTERED, null);
    }

    /** Replaces a source's description, senders and state, if nobody changed it since the caller read it (admins). */
    @Transactional
    Outcome<AlertSource> change(String key, AlertSourceDefinition definition, long version) {
        Optional<Refusal> refusal = requireAdmin("change alert sources").or(() -> descriptionProblem(definition));
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<AlertSources.Stored> found = sources.byKey(key);
        if (found.isEmpty()) {
            return Outcome.refused(notFound(key));
        }
        Outcome<List<UserId>> senders = senders(definition.senders());
        if (senders instanceof Outcome.Refused<List<UserId>> refused) {
            return Outcome.refused(refused.refusal());
        }
        AlertSource before = view(found.get(), loginNames());
        if (found.get().version() != version
                || !sources.change(
                        key,
                        definition.describedAs(),
                        definition.enabled(),
                        ((Outcome.Done<List<UserId>>) senders).value(),
                        version,
                        clock.instant())) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        return published(key, AlertSourceChanged.Verb.CHANGED, before);
    }

    /**
     * Removes a source with its de-duplication records, if nobody changed it since the caller read it (admins): a
     * source registered again under the same key starts afresh. The incidents its alerts opened stay.
     */
    @Transactional
    Outcome<String> remove(String key, long version) {
        Optional<Refusal> refusal = requireAdmin("remove alert sources");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<AlertSources.Stored> found = sources.byKey(key);
        if (found.isEmpty()) {
            return Outcome.refused(notFound(key));
        }
        if (found.get().version() != version || !sources.remove(key, version)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        events.publishEvent(new AlertSourceChanged(
                key,
                identity.requireActor().ref(),
                clock.instant(),
                AlertSourceChanged.Verb.REMOVED,
                Optional.of(digest(view(found.get(), loginNames()))),
                Optional.empty()));
        return Outcome.done(key);
    }

    private Outcome<AlertSource> published(String key, AlertSourceChanged.Verb verb, @Nullable AlertSource before) {
        AlertSource after = view(sources.byKey(key).orElseThrow(), loginNames());
        events.publishEvent(new AlertSourceChanged(
                key,
                identity.requireActor().ref(),
                clock.instant(),
                verb,
                Optional.ofNullable(before).map(AlertSourceRegistry::digest),
                Optional.of(digest(after))));
        return Outcome.done(after);
    }

    /** The users the login names name, in the order given; the first name of no user refuses them all. */
    private Outcome<List<UserId>> senders(List<String> names) {
        if (names.size() > MAX_SENDERS) {
            return Outcome.refused(Refusal.invalid("senders", IntakeRefusals.TOO_MANY_SENDERS, MAX_SENDERS));
        }
        List<UserId> found = new ArrayList<>();
        for (String name : names) {
            Optional<UserView> user = name.length() > 100 ? Optional.empty() : identity.findUserByUsername(name);
            if (user.isEmpty()) {
                return Outcome.refused(Refusal.invalid(
                        "senders",
                        IntakeRefusals.NOT_A_LOGIN_NAME,
                        name.length() > 100 ? name.substring(0, 100) + "\u2026" : name));
            }
            found.add(user.get().id());
        }
        return Outcome.done(found);
    }

    private static Optional<Refusal> descriptionProblem(AlertSourceDefinition definition) {
        return definition.describedAs().length() <= MAX_DESCRIPTION
                ? Optional.empty()
                : Optional.of(Refusal.invalid(
                        "description",
                        SharedRefusals.TOO_LONG,
                        // a number, not text: the API has always written this limit grouped, as 2,000
                        MAX_DESCRIPTION));
    }

    private Optional<Refusal> requireAdmin(String what) {
        return identity.currentActor().filter(actor -> actor.has(Role.ADMIN)).isPresent()
                ? Optional.empty()
                : Optional.of(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
    }

    private Map<UserId, String> loginNames() {
        return identity.users().orRefuse().stream().collect(Collectors.toMap(UserView::id, UserView::username));
    }

    private static AlertSource view(AlertSources.Stored source, Map<UserId, String> names) {
        return new AlertSource(
                source.key(),
                source.description(),
                source.enabled(),
                source.senders().stream()
                        .map(id -> names.getOrDefault(id, id.toString()))
                        .sorted()
                        .toList(),
                source.createdAt(),
                source.updatedAt(),
                source.version());
    }

    private static String digest(AlertSource source) {
        return ContentDigest.of(json.writeValueAsString(source)).hex();
    }

    private static Refusal notFound(String key) {
        return Refusal.notFound("alert source " + (key.length() > 100 ? key.substring(0, 100) + "\u2026" : key));
    }
}
