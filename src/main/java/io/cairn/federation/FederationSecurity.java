package io.cairn.federation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call {@code /federation/**}: the key set and the schema are public; {@code /federation/v1/trace/**} needs a
 * request signed by a chain auditor configured at this hop, everything else one signed by a registered, active peer
 * ({@link PeerRequestVerifier}). Stateless: no session, no CSRF token (no browser sends
 * these requests), and neither personal API tokens nor a signed-in session count here. Refusals are RFC 9457
 * problems that say which check failed.
 */
@Configuration(proxyBeanMethods = false)
class FederationSecurity {

    static final String PEER = "FEDERATION_PEER";
    static final String CHAIN_AUDITOR = "FEDERATION_CHAIN_AUDITOR";
    /** Where a chain auditor, and only a chain auditor, asks this hop for its receipts. */
    static final String TRACE = "/federation/v1/trace/";

    /** Where providers push their messages. */
    static final String INBOX = "/federation/v1/inbox";
    /**
     * The request attribute with the id of a push's signed request ({@link SeenRequests.Request}), which the inbox
     * remembers with the message it stores, and refuses as a replay if it was used before.
     */
    static final String UNREMEMBERED_REQUEST = FederationSecurity.class.getName() + ".unrememberedRequest";

    private static final String[] PUBLIC = {"/federation/v1/jwks.json", "/federation/v1/schema"};
    private static final JsonMapper json = JsonMapper.builder().build();

    @Bean
    @Order(0)
    SecurityFilterChain federation(HttpSecurity http, PeerRequestVerifier verifier) throws Exception {
        http.securityMatcher("/federation/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PUBLIC)
                        .permitAll()
                        .requestMatchers(TRACE + "**")
                        .hasAuthority(CHAIN_AUDITOR)
                        .anyRequest()
                        .hasAuthority(PEER))
                .addFilterBefore(new PeerAuthenticationFilter(verifier), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> writeProblem(
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "peer-unauthenticated",
                                "a peer must sign this request: 'Authorization: Bearer <JWT>' with iss, aud, iat, exp, "
                                        + "jti, htm and htu, signed with one of its keys"))
                        .accessDeniedHandler((request, response, e) -> writeProblem(
                                response, HttpStatus.FORBIDDEN, "forbidden", "this request is not allowed")));
        return http.build();
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        Map<String, Object> body = problem(status, type, detail);
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isPush(HttpServletRequest request, String path) {
        return "POST".equals(request.getMethod()) && INBOX.equals(path);
    }

    /** A problem detail as every federation refusal outside a controller writes it. */
    static Map<String, Object> problem(HttpStatus status, String type, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:cairn:problem:" + type);
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        return body;
    }

    /**
     * Authenticates a request that carries a bearer JWT as the peer that signed it; a JWT that fails a check is a 401
     * at once, naming the check. A request without one goes on unauthenticated, to be refused where it needs a peer.
     */
    private static final class PeerAuthenticationFilter extends OncePerRequestFilter {

        private final PeerRequestVerifier verifier;

        PeerAuthenticationFilter(PeerRequestVerifier verifier) {
            this.verifier = verifier;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return List.of(PUBLIC).contains(path);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            String token = header.substring(7).trim();
            PeerRequestVerifier.Verdict verdict = path.startsWith(TRACE)
                    ? verifier.verifyAuditor(token, request.getMethod(), path)
                    : isPush(request, path)
                            ? verifier.verifyRememberingLater(token, request.getMethod(), path)
                            : verifier.verify(token, request.getMethod(), path);
            if (verdict instanceof PeerRequestVerifier.Verdict.Refused refused) {
                writeProblem(response, HttpStatus.UNAUTHORIZED, "peer-unauthenticated", refused.reason());
                return;
            }
            if (verdict instanceof PeerRequestVerifier.Verdict.Peer peer && peer.unremembered() != null) {
                request.setAttribute(UNREMEMBERED_REQUEST, peer.unremembered());
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    verdict instanceof PeerRequestVerifier.Verdict.Peer peer
                            ? UsernamePasswordAuthenticationToken.authenticated(
                                    peer.peer(), null, List.of(new SimpleGrantedAuthority(PEER)))
                            : UsernamePasswordAuthenticationToken.authenticated(
                                    verdict, null, List.of(new SimpleGrantedAuthority(CHAIN_AUDITOR))));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
