package io.cairn.platform;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page of the UI the signed-in user, for the navigation and role-dependent parts of the layout, and the
 * addresses that switch the language of the page being shown.
 */
@ControllerAdvice
class LayoutAdvice {

    /** The languages the UI speaks, by their tag, each named in its own language. */
    static final Map<String, String> LANGUAGES = languages();

    private final IdentityManagement identity;

    LayoutAdvice(IdentityManagement identity) {
        this.identity = identity;
    }

    @ModelAttribute("currentActor")
    @Nullable Actor currentActor(HttpServletRequest request) {
        if (isApi(request)) {
            return null;
        }
        return identity.currentActor().orElse(null);
    }

    /** Which parts of the navigation the signed-in user may use; all false when no one is signed in. */
    @ModelAttribute("navigation")
    Navigation navigation(HttpServletRequest request) {
        Actor actor = currentActor(request);
        if (actor == null) {
            return new Navigation(false, false, false, false, false, false);
        }
        return new Navigation(actor.hasAny(Role.REPORTER, Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER),
                actor.hasAny(Role.HANDLER, Role.COORDINATOR), actor.has(Role.ADMIN), actor.has(Role.AUDITOR),
                actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN), actor.has(Role.COORDINATOR));
    }

    /**
     * The parts of the navigation a user may use: the report portal and their own reports, the handlers' full
     * report form, administration, the audit trail; the knowledge articles and the recurring incidents.
     */
    record Navigation(boolean report, boolean handle, boolean admin, boolean audit, boolean knowledge,
            boolean recurring) {}

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * This page in each language. A page shown after a POST (a form with errors) has no address to show again, so
     * its links lead to the page's path, which every form path answers with a GET.
     */
    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request) {
        if (isApi(request)) {
            return List.of();
        }
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        UriComponentsBuilder page = UriComponentsBuilder.fromPath(failedPath instanceof String path ? path
                : request.getRequestURI());
        if ("GET".equals(request.getMethod()) && failedPath == null) {
            page.query(request.getQueryString());
        }
        return LANGUAGES.entrySet().stream()
                .map(language -> new LanguageLink(language.getKey(), language.getValue(), page.cloneBuilder()
                        .replaceQueryParam("lang", language.getKey()).build().toUriString()))
                .toList();
    }

    /** A link that shows the page in another language. */
    record LanguageLink(String tag, String name, String url) {}

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Map<String, String> languages() {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("en", "English");
        languages.put("nl", "Nederlands");
        return Collections.unmodifiableMap(languages);
    }
}
