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
    private final IdentityGeneration generation;
    private final Clock clock;

    SignInAccounts(Users users, IdentityGeneration generation, Clock clock) {
        this.users = users;
        this.generation = generation;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        long before = generation.current();
        return users.findByUsername(username)
                .map(user -> new ActorPrincipal(
                        user.actor(),
                        clock.instant(),
                        before,
                        user.mustChangePassword(),
                        user.enabled(),
                        user.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
