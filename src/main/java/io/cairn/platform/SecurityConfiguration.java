package io.cairn.platform;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.SignInVerdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. The API ({@code /api/**}) takes personal bearer tokens, or the browser session with a CSRF
 * token: only a request that authenticated with a bearer token goes without one, whatever other {@code Authorization}
 * header it carries. The UI signs in with a form, keeps a session, and checks CSRF on every form. Failed sign-ins are
 * throttled per account and address; a user with a one-time password must change it before anything else.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String[] PUBLIC = {
        "/login",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/images/**",
        "/favicon.ico",
        "/actuator/health",
        "/actuator/health/**",
        "/error",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/report",
        "/report/**",
        "/follow-up",
        "/follow-up/**",
        // self-help: the pages themselves show only articles for reporters to a reader without an account
        "/help",
        "/help/**"
    };

    /**
     * No Micrometer observation around each security filter, authentication and authorisation: they cost about a
     * tenth of the server's CPU per API request in the create benchmark (BENCHMARKS.md) and nobody reads them; the
     * HTTP request observation ({@code http.server.requests}) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall, with its header rules checked without regular expressions: see {@link HeaderFirewall}. */
    @Bean
    WebSecurityCustomizer headerFirewall() {
        return web -> web.httpFirewall(HeaderFirewall.strict());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, IdentityManagement identity) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // before the CSRF check, which asks whether the request authenticated with a token
                .addFilterBefore(new BearerTokenFilter(identity), CsrfFilter.class)
                .addFilterAfter(new AccountGuard(identity, true), AuthorizationFilter.class)
                // a forged request rides on a session: one without a session is nobody's, one with a token is its own
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                        && !request.getServletPath().startsWith("/api/v1/public/")
                        && request.getSession(false) != null
                        && !identity.actingByToken()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // a refused API call opens no session: there is no page to return to after signing in, and a
                // request without a session cannot carry the session's CSRF token anyway
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(new ExistingSessionCsrfTokens()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> writeProblem(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "unauthenticated",
                                "sign in, or send a personal API token as 'Authorization: Bearer <token>'"))
                        .accessDeniedHandler((request, response, e) -> writeProblem(
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "this request is not allowed: " + e.getMessage())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, IdentityManagement identity) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new SignInThrottleFilter(identity), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AccountGuard(identity, false), AuthorizationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .permitAll()
                        .successHandler(new SignedIn(identity))
                        .failureHandler((request, response, e) -> {
                            identity.signInFailed(
                                    String.valueOf(request.getParameter("username")), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        Problems.write(response, Problems.of(status, type, detail, List.of()));
    }

    /**
     * The session's CSRF tokens, as the pages keep them, for API calls from a signed-in browser; a call without a
     * session gets no token kept for it, so that it opens no session.
     */
    private static final class ExistingSessionCsrfTokens implements CsrfTokenRepository {

        private final HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();

        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return tokens.generateToken(request);
        }

        @Override
        public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            if (request.getSession(false) != null) {
                tokens.saveToken(token, request, response);
            }
        }

        @Override
        public @Nullable CsrfToken loadToken(HttpServletRequest request) {
            return tokens.loadToken(request);
        }
    }

    /** Records a successful sign-in, clearing the account's failures, then goes where the user was heading. */
    private static final class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {

        private final IdentityManagement identity;

        SignedIn(IdentityManagement identity) {
            this.identity = identity;
        }

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.core.Authentication authentication)
                throws ServletException, IOException {
            identity.signInSucceeded(authentication.getName());
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /**
     * Authenticates API requests that carry a personal token; an unknown or revoked token is a 401 at once. Any other
     * {@code Authorization} scheme authenticates nothing: such a request counts as signed in only by its session.
     */
    private static final class BearerTokenFilter extends OncePerRequestFilter {

        private final IdentityManagement identity;

        BearerTokenFilter(IdentityManagement identity) {
            this.identity = identity;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            var authentication = identity.authenticateBearer(header.substring(7).trim());
            if (authentication.isEmpty()) {
                writeProblem(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "invalid-token",
                        "the API token is unknown, revoked or expired, or its user is disabled");
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication.get());
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** Refuses a sign-in attempt while the account or address must wait, before the password is even checked. */
    private static final class SignInThrottleFilter extends OncePerRequestFilter {

        private final IdentityManagement identity;

        SignInThrottleFilter(IdentityManagement identity) {
            this.identity = identity;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod())
                    && request.getServletPath().equals("/login"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String username = String.valueOf(request.getParameter("username"));
            SignInVerdict verdict = identity.signInVerdict(username, request.getRemoteAddr());
            if (verdict instanceof SignInVerdict.Wait wait) {
                long seconds = Math.max(1, (wait.remaining().toMillis() + 999) / 1000);
                response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Ends sessions of users disabled since they signed in, and sends a user with a one-time password to choose a
     * new one before anything else.
     */
    private static final class AccountGuard extends OncePerRequestFilter {

        private static final Set<String> ALLOWED_WITH_ONE_TIME_PASSWORD =
                Set.of("/account/password", "/api/v1/me/password", "/api/v1/me", "/logout", "/favicon.ico");

        /** The password page needs its style sheets and scripts. */
        private static final List<String> ASSETS = List.of("/webjars/", "/css/", "/js/", "/images/");

        private final IdentityManagement identity;
        private final boolean api;

        AccountGuard(IdentityManagement identity, boolean api) {
            this.identity = identity;
            this.api = api;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean signedIn = authentication != null
                    && authentication.isAuthenticated()
                    && !"anonymousUser".equals(authentication.getPrincipal());
            if (signedIn && identity.currentActor().isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                refuse(
                        request,
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "disabled",
                        "this account was disabled",
                        "/login?disabled");
                return;
            }
            if (signedIn && identity.mustChangePassword() && !allowedWithOneTimePassword(request.getServletPath())) {
                refuse(
                        request,
                        response,
                        HttpStatus.FORBIDDEN,
                        "password-change-required",
                        "choose a new password first (POST /api/v1/me/password)",
                        "/account/password");
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean allowedWithOneTimePassword(String path) {
            return ALLOWED_WITH_ONE_TIME_PASSWORD.contains(path)
                    || ASSETS.stream().anyMatch(path::startsWith);
        }

        private void refuse(
                HttpServletRequest request,
                HttpServletResponse response,
                HttpStatus status,
                String type,
                String detail,
                String page)
                throws IOException {
            if (api) {
                writeProblem(response, status, type, detail);
            } else {
                response.sendRedirect(request.getContextPath() + page);
            }
        }
    }
}
