package io.cairn.identity;

import java.time.Duration;

/** Whether a sign-in attempt may go ahead now, or how long the account or address must wait. */
public sealed interface SignInVerdict {

    record Allowed() implements SignInVerdict {}

    /** Too many failures: the next attempt is refused until the wait is over. */
    record Wait(Duration remaining) implements SignInVerdict {}
}
