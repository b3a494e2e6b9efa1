package io.cairn.platform;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
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
        return java.util.Collections.unmodifiableMap(languages);
    }
}
