package io.cairn.shared;

import java.util.function.Function;

/**
 * The result of a command: done, with a value, or refused, with the reason.
 *
 * <p>Expected rejections are values, not exceptions; the web boundary maps them to a status and a message.
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    record Done<T>(T value) implements Outcome<T> {}

    record Refused<T>(Refusal refusal) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /** Applies the function to a done value; passes a refusal on. */
    default <U> Outcome<U> map(Function<? super T, ? extends U> function) {
        if (this instanceof Done<T> done) {
            return new Done<>(function.apply(done.value()));
        }
        return new Refused<>(((Refused<T>) this).refusal());
    }

    /** Applies the next step to a done value; passes a refusal on. */
    default <U> Outcome<U> flatMap(Function<? super T, Outcome<U>> next) {
        if (this instanceof Done<T> done) {
            return next.apply(done.value());
        }
        return new Refused<>(((Refused<T>) this).refusal());
    }

    /** The value, or the exception the function makes of the refusal. */
    default <X extends RuntimeException> T orElseThrow(Function<Refusal, X> exception) {
        if (this instanceof Done<T> done) {
            return done.value();
        }
        throw exception.apply(((Refused<T>) this).refusal());
    }

    /** The value; a refusal becomes a {@link RefusedException} for the web boundary to answer. */
    default T orRefuse() {
        return orElseThrow(RefusedException::new);
    }
}
