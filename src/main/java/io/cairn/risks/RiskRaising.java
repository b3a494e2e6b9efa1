package io.cairn.risks;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risks raised from the findings of things other modules keep (a run of a security procedure), linked both ways: the
 * risk names what raised it, and the thing lists the risks it raised. Coordinators and admins register them, as any
 * risk; the thing must exist and be theirs to read. Each link is audited on the risk ({@code risk.raised-from}) and
 * told to its source ({@link RiskRaised}) in the same transaction.
 */
@Service
public class RiskRaising {

    private final Map<String, RiskSource> sources;
    private final RiskRegister register;
    private final Risks risks;
    private final RiskManagement management;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    RiskRaising(
            List<RiskSource> sources,
            RiskRegister register,
            Risks risks,
            RiskManagement management,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(RiskSource::kind, Function.identity()));
        this.register = register;
        this.risks = risks;
        this.management = management;
        this.identity = identity;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The thing a risk would be raised from, if its kind is known, it exists and the signed-in user may read it. */
    public Outcome<RiskOrigin> origin(String kind, UUID id) {
        return Optional.ofNullable(sources.get(kind))
                .flatMap(source -> source.find(id))
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound(kind + " " + id)));
    }

    /** Whether the signed-in user registers risks: coordinators and admins. */
    public boolean registers() {
        return RiskRegister.changes(identity.requireActor());
    }

    /** Registers a risk from a finding of the thing, if the user may read it and registers risks, and links them. */
    @Transactional
    public Outcome<Risk> registerFrom(String kind, UUID id, RiskForms.NewRisk form) {
        return origin(kind, id).flatMap(origin -> register.register(form)).map(risk -> {
            link(risk, kind, id);
            return management.view(risk);
        });
    }

    /** The risks raised from the thing the user may read, oldest first, if they read the register. */
    @Transactional(readOnly = true)
    public Outcome<List<Risk>> raisedFrom(String kind, UUID id) {
        return origin(kind, id)
                .flatMap(origin -> readers())
                .map(actor -> management.views(jdbc.sql("""
                        select risk_id from risk_raised_from where kind = ? and origin_id = ?
                        order by raised_at, risk_id""").params(kind, id).query(UUID.class).list().stream()
                        .flatMap(risk -> risks.find(new RiskId(risk)).stream())
                        .toList()));
    }

    /** What raised the risk that the reader may see, oldest first, if they read the register. */
    @Transactional(readOnly = true)
    Outcome<List<RiskOrigin>> originsOf(RiskId risk) {
        return readers()
                .flatMap(actor -> risks.find(risk).isEmpty()
                        ? Outcome.refused(Refusal.notFound("risk " + risk))
                        : Outcome.done(jdbc
                                .sql("""
                                select kind, origin_id from risk_raised_from where risk_id = ?
                                order by raised_at, kind, origin_id""")
                                .param(risk.value())
                                .query((row, n) ->
                                        Map.entry(row.getString("kind"), row.getObject("origin_id", UUID.class)))
                                .list()
                                .stream()
                                .map(raised -> origin(raised.getKey(), raised.getValue()))
                                .flatMap(found -> found instanceof Outcome.Done<RiskOrigin> done
                                        ? Stream.of(done.value())
                                        : Stream.empty())
                                .toList()));
    }

    private Outcome<Actor> readers() {
        Actor actor = identity.requireActor();
        return RiskRegister.reads(actor)
                ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
    }

    private void link(RiskItem risk, String kind, UUID origin) {
        Instant now = clock.instant();
        Actor actor = identity.requireActor();
        jdbc.sql("""
                        insert into risk_raised_from (risk_id, kind, origin_id, raised_at, raised_by)
                        values (?, ?, ?, ?, ?)""")
                .params(
                        risk.id().value(),
                        kind,
                        origin,
                        Timestamp.from(now),
                        actor.id().value())
                .update();
        events.publishEvent(new RiskChanged(
                risk.id(),
                actor.ref(),
                now,
                RiskChanged.Verb.RAISED_FROM,
                Optional.empty(),
                Optional.of(
                        ContentDigest.of(risk.id() + "|" + kind + "|" + origin).hex())));
        events.publishEvent(new RiskRaised(risk.id(), kind, origin, actor.ref(), now));
    }
}
