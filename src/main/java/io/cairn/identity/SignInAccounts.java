package io.cairn.identity;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks up the account a person signs in to with the form. */
@Component
class SignInAccounts implements UserDetailsService {

    private final Users users;
    private final Clock clock;

    SignInAccounts(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(user -> new ActorPrincipal(user.actor(), clock.instant(), user.mustChangePassword(),
                        user.enabled(), user.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
