package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ServerTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Repeated failed sign-ins are slowed down, then refused for a while; per account and per address. */
@ServerTest
class SignInThrottleTest {

    @Autowired
    IdentityManagement identity;

    @Test
    void theFirstFailuresCostNothing() {
        identity.signInFailed("freddy", "10.0.0.1");
        identity.signInFailed("freddy", "10.0.0.1");
        assertThat(identity.signInVerdict("freddy", "10.0.0.1")).isInstanceOf(SignInVerdict.Allowed.class);
    }

    @Test
    void fromTheThirdFailureTheNextAttemptMustWaitLongerEachTime() {
        for (int i = 0; i < 3; i++) {
            identity.signInFailed("gina", "10.0.0.2");
        }
        SignInVerdict third = identity.signInVerdict("gina", "10.0.0.3");
        identity.signInFailed("gina", "10.0.0.2");
        SignInVerdict fourth = identity.signInVerdict("gina", "10.0.0.3");

        assertThat(third).isInstanceOf(SignInVerdict.Wait.class);
        assertThat(((SignInVerdict.Wait) fourth).remaining()).isGreaterThan(((SignInVerdict.Wait) third).remaining());
    }

    @Test
    void atTheLimitTheAccountIsLockedOutForMinutes() {
        for (int i = 0; i < 10; i++) {
            identity.signInFailed("harry", "10.0.0.4");
        }
        SignInVerdict verdict = identity.signInVerdict("harry", "10.0.0.5");
        assertThat(verdict).isInstanceOf(SignInVerdict.Wait.class);
        assertThat(((SignInVerdict.Wait) verdict).remaining()).isGreaterThan(Duration.ofMinutes(14));
    }

    @Test
    void anAddressGuessingManyAccountsIsThrottledToo() {
        for (int i = 0; i < 20; i++) {
            identity.signInFailed("user" + i, "10.0.0.6");
        }
        assertThat(identity.signInVerdict("someone-new", "10.0.0.6")).isInstanceOf(SignInVerdict.Wait.class);
        assertThat(identity.signInVerdict("someone-new", "10.0.0.7")).isInstanceOf(SignInVerdict.Allowed.class);
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        for (int i = 0; i < 3; i++) {
            identity.signInFailed("iris", "10.0.0.8");
        }
        identity.signInSucceeded("iris");
        assertThat(identity.signInVerdict("iris", "10.0.0.9")).isInstanceOf(SignInVerdict.Allowed.class);
    }
}
