package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline overview for privacy officers and coordinators, and its calendar feed: an address with the user's
 * secret that a calendar app subscribes to (it cannot sign in), which the user issues and revokes on their account.
 */
@Service
class DeadlineReading {

    /** The most deadlines a page gives, and the furthest a page may start. */
    static final int MAX_LIMIT = 200;

    static final int MAX_OFFSET = 10_000;

    /** The most deadlines a calendar feed carries. */
    private static final int FEED_LIMIT = 1_000;

    private final ComplianceAccess access;
    private final DeadlineOverview overview;
    private final CalendarTokens tokens;
    private final UsersForSystem users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    DeadlineReading(
            ComplianceAccess access,
            DeadlineOverview overview,
            CalendarTokens tokens,
            UsersForSystem users,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${cairn.base-url:http://localhost:8080}") String baseUrl) {
        this.access = access;
        this.overview = overview;
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** A page of the open stages' deadlines of the incidents the user sees, filtered; every field at fault named. */
    @Transactional(readOnly = true)
    public Outcome<DeadlinePage> deadlines(
            @Nullable LegalEntityId legalEntity, @Nullable String regime, String state, int limit, int offset) {
        return access.requireRegisterReader().flatMap(actor -> {
            List<Refusal.FieldProblem> problems = new ArrayList<>();
            if (!DeadlineOverview.STATES.contains(state)) {
                problems.add(Refusal.FieldProblem.of(
                        "state", SharedRefusals.MUST_BE_ONE_OF, String.join(", ", DeadlineOverview.STATES)));
            }
            if (regime != null && !RegimeId.wellFormed(regime)) {
                problems.add(Refusal.FieldProblem.of("regime", ComplianceRefusals.BAD_ID, abbreviated(regime)));
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add(Refusal.FieldProblem.of("limit", SharedRefusals.OUT_OF_RANGE, 1, MAX_LIMIT));
            }
            if (offset < 0 || offset > MAX_OFFSET) {
                problems.add(Refusal.FieldProblem.of("offset", SharedRefusals.OUT_OF_RANGE, 0, MAX_OFFSET));
            }
            if (!problems.isEmpty()) {
                return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
            }
            return Outcome.done(
                    overview.page(actor, new DeadlineOverview.Filter(legalEntity, regime, state, limit, offset)));
        });
    }

    /** The calendar of the holder of the secret, in their language; 404 for a secret nobody holds. */
    @Transactional(readOnly = true)
    public Outcome<String> calendar(String token) {
        Optional<UserView> holder = tokens.holder(token)
                .flatMap(user -> users.users(List.of(user)).stream().findFirst())
                .filter(user -> user.enabled() && ComplianceAccess.readsRegister(user.actor()));
        if (holder.isEmpty()) {
            return Outcome.refused(Refusal.notFound("calendar"));
        }
        UserView reader = holder.get();
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(Locale.forLanguageTag(reader.languageOrEnglish()));
        try {
            DeadlinePage page = overview.page(
                    reader.actor(), new DeadlineOverview.Filter(null, null, StageStatus.OPEN, FEED_LIMIT, 0));
            return Outcome.done(ICalendar.of("Cairn", events(page), clock.instant()));
        } finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    /** When the user's feed address was issued; none when they have none. */
    @Transactional(readOnly = true)
    public Outcome<Optional<Instant>> feed() {
        return access.requireRegisterReader().map(actor -> tokens.issuedAt(actor.id()));
    }

    /** A new feed address for the user (the old one stops working); its URL. Audited. */
    @Transactional
    public Outcome<String> issueFeed() {
        return access.requireRegisterReader().map(actor -> {
            String token = tokens.issue(actor.id(), clock.instant());
            events.publishEvent(
                    new CalendarFeedChanged(actor.id(), actor.ref(), clock.instant(), CalendarFeedChanged.Verb.ISSUED));
            return feedUrl(token);
        });
    }

    /** Revokes the user's feed address: it answers 404 from now on. Audited. */
    @Transactional
    public Outcome<Boolean> revokeFeed() {
        return access.requireRegisterReader().map(actor -> {
            boolean revoked = tokens.revoke(actor.id());
            if (revoked) {
                events.publishEvent(new CalendarFeedChanged(
                        actor.id(), actor.ref(), clock.instant(), CalendarFeedChanged.Verb.REVOKED));
            }
            return revoked;
        });
    }

    /** The address of the feed of the secret. */
    String feedUrl(String token) {
        return baseUrl + CalendarApi.PATH.replace("{token}", token);
    }

    private List<ICalendar.Event> events(DeadlinePage page) {
        return page.items().stream()
                .filter(entry -> entry.dueAt() != null)
                .map(entry -> new ICalendar.Event(
                        entry.obligation() + "-" + entry.stage() + "@cairn",
                        java.util.Objects.requireNonNull(entry.dueAt()),
                        entry.incidentReference() + " · " + entry.regimeName() + ": " + entry.stageName(),
                        entry.stageName() + " → " + entry.recipient() + "\n" + entry.legalEntityName() + "\n"
                                + entry.incidentReference() + ": " + entry.incidentTitle() + "\n" + baseUrl
                                + "/incidents/" + entry.incident() + "#compliance",
                        entry.firstWarningAt()))
                .toList();
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
