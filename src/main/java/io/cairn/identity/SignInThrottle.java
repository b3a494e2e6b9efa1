package io.cairn.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down and then refuses repeated failed sign-ins, per account and per address.
 *
 * <p>From the third failure on, the next attempt must wait 1, 2, 4, ... seconds; at the configured maximum the
 * account or address is locked out for a while. An address gets twice as many tries as an account, since several
 * people may share one. State lives in the database, so several nodes throttle together.
 */
@Component
class SignInThrottle {

    private static final int FREE_FAILURES = 3;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    SignInThrottle(
            JdbcClient jdbc,
            Clock clock,
            @Value("${cairn.sign-in.max-failures:10}") int maxFailures,
            @Value("${cairn.sign-in.lockout:PT15M}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Transactional(readOnly = true)
    SignInVerdict verdict(String username, String address) {
        Instant now = clock.instant();
        return Stream.of(accountKey(username), addressKey(address))
                .map(key -> waitFor(key, now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo)
                .<SignInVerdict>map(SignInVerdict.Wait::new)
                .orElseGet(SignInVerdict.Allowed::new);
    }

    @Transactional
    void failed(String username, String address) {
        Instant now = clock.instant();
        recordFailure(accountKey(username), maxFailures, now);
        recordFailure(addressKey(address), maxFailures * 2, now);
    }

    /** Whether an attempt at a code of this purpose may be made from this address now. */
    @Transactional(readOnly = true)
    SignInVerdict codeVerdict(String purpose, String address) {
        return waitFor(purpose + ":" + address, clock.instant())
                .<SignInVerdict>map(SignInVerdict.Wait::new)
                .orElseGet(SignInVerdict.Allowed::new);
    }

    @Transactional
    void codeFailed(String purpose, String address) {
        recordFailure(purpose + ":" + address, maxFailures, clock.instant());
    }

    @Transactional
    void succeeded(String username) {
        jdbc.sql("delete from login_throttle where throttle_key = ?")
                .param(accountKey(username))
                .update();
    }

    private Optional<Duration> waitFor(String key, Instant now) {
        return jdbc.sql("select failures, last_failure_at, locked_until from login_throttle where throttle_key = ?")
                .param(key)
                .query((row, n) -> {
                    java.time.OffsetDateTime lockedUntil =
                            row.getObject("locked_until", java.time.OffsetDateTime.class);
                    return waitAfter(
                            row.getInt("failures"),
                            row.getObject("last_failure_at", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            lockedUntil == null ? null : lockedUntil.toInstant(),
                            now,
                            lockout);
                })
                .optional()
                .filter(wait -> !wait.isZero());
    }

    /**
     * How long the next attempt under a key must wait, zero for not at all: until the lockout ends while one lasts;
     * otherwise, from the third failure on, 1, 2, 4, ... seconds (at most 1024) after the last failure, unless that
     * was longer than the lockout period ago and so is forgotten.
     */
    static Duration waitAfter(
            int failures, Instant lastFailure, @Nullable Instant lockedUntil, Instant now, Duration lockout) {
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return Duration.between(now, lockedUntil);
        }
        if (failures < FREE_FAILURES || lastFailure.plus(lockout).isBefore(now)) {
            return Duration.ZERO;
        }
        Instant nextAllowed = lastFailure.plus(backOff(failures));
        return nextAllowed.isAfter(now) ? Duration.between(now, nextAllowed) : Duration.ZERO;
    }

    private void recordFailure(String key, int limit, Instant now) {
        Instant forgottenBefore = now.minus(lockout);
        int failures = jdbc.sql("""
                insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 1, :now)
                on conflict (throttle_key) do update set
                  failures = case when login_throttle.last_failure_at < :forgotten
                                   and (login_throttle.locked_until is null or login_throttle.locked_until < :now)
                              then 1 else login_throttle.failures + 1 end,
                  last_failure_at = :now
                returning failures""")
                .param("key", key)
                .param("now", java.sql.Timestamp.from(now))
                .param("forgotten", java.sql.Timestamp.from(forgottenBefore))
                .query(Integer.class)
                .single();
        if (failures >= limit) {
            jdbc.sql("update login_throttle set locked_until = ? where throttle_key = ?")
                    .param(java.sql.Timestamp.from(now.plus(lockout)))
                    .param(key)
                    .update();
        }
    }

    private static Duration backOff(int failures) {
        return Duration.ofSeconds(1L << Math.min(failures - FREE_FAILURES, 10));
    }

    private static String accountKey(String username) {
        return "user:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
