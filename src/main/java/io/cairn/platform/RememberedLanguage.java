package io.cairn.platform;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Keeps the language a signed-in user reads the UI in as their account's language, so that notifications to them
 * are written in it: the browser's language at sign-in, and each switch with EN/NL after that. The session notes
 * what it last kept, so that only a change asks the database.
 */
@Component
class RememberedLanguage implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RememberedLanguage.class);

    private static final String KEPT = RememberedLanguage.class.getName() + ".kept";

    private final IdentityManagement identity;

    RememberedLanguage(IdentityManagement identity) {
        this.identity = identity;
    }

    /** After the language switch, which has order 0, so that a switch is kept at once. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(1).excludePathPatterns("/error", "/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        HttpSession session = request.getSession(false);
        Actor actor = session == null ? null : identity.currentActor().orElse(null);
        if (actor == null) {
            return true;
        }
        String language = RequestContextUtils.getLocale(request).getLanguage();
        String kept = actor.id() + " " + language;
        if (!kept.equals(session.getAttribute(KEPT))) {
            try {
                identity.chooseLanguage(language);
                session.setAttribute(KEPT, kept);
            } catch (RuntimeException notKept) {
                // a page is never refused for this: the next page tries again
                log.debug("The language of {} was not kept: {}", actor.username(), notKept.toString());
            }
        }
        return true;
    }
}
