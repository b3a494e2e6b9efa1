package io.cairn.platform;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.PageModel;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page of the UI the signed-in user, for the navigation and role-dependent parts of the layout (none of it
 * while the user must still replace a one-time password), and the addresses that switch the language of the page being
 * shown.
 */
@Component
class LayoutModel extends PageModel {

    /** The languages the UI speaks, by their tag, each named in its own language. */
    static final Map<String, String> LANGUAGES = languages();

    private final IdentityManagement identity;

    LayoutModel(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    protected void addTo(ModelAndView page, HttpServletRequest request) {
        Actor actor = identity.currentActor().orElse(null);
        page.addObject("currentActor", actor);
        page.addObject("navigation", navigation(actor));
        page.addObject("passwordChangeRequired", actor != null && identity.mustChangePassword());
        page.addObject("currentPath", request.getRequestURI());
        String address = pageAddress(page, request);
        page.addObject("pageAddress", address);
        page.addObject("languageLinks", languageLinks(request, address));
    }

    /**
     * The address of a page shown in answer to a form (one with a refusal next to its field): the page's own, which
     * the controller may name as {@code pageAddress}, and else the form's path, which answers a GET too. The layout
     * puts it in the browser's address bar, so that reloading the page, bookmarking or going back shows the page
     * again instead of sending the form once more. Null for a page that has its own address already, and for an
     * error page.
     */
    static @Nullable String pageAddress(ModelAndView page, HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
            return null;
        }
        return page.getModel().get("pageAddress") instanceof String address ? address : request.getRequestURI();
    }

    /** Which parts of the navigation the signed-in user may use; all false when no one is signed in. */
    static Navigation navigation(@Nullable Actor actor) {
        if (actor == null) {
            return new Navigation(false, false, false, false, false, false, false, false);
        }
        return new Navigation(
                actor.hasAny(Role.REPORTER, Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER),
                actor.hasAny(Role.HANDLER, Role.COORDINATOR),
                actor.has(Role.ADMIN),
                actor.has(Role.AUDITOR),
                actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN),
                actor.has(Role.COORDINATOR),
                actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.PRIVACY_OFFICER, Role.AUDITOR),
                actor.hasAny(Role.COORDINATOR, Role.PRIVACY_OFFICER));
    }

    /**
     * The parts of the navigation a user may use: reporting (the report portal, or for handlers their full report
     * form) and their own reports, the handlers' full report form, administration, the audit trail; the knowledge
     * articles; the recurring incidents and the corrective actions of all reviews (coordinators); the list of
     * everyone's incidents (staff; a reporter follows their own under My reports); the overdue regulatory obligations
     * (coordinators and privacy officers).
     */
    record Navigation(
            boolean report,
            boolean handle,
            boolean admin,
            boolean audit,
            boolean knowledge,
            boolean recurring,
            boolean incidents,
            boolean obligations) {}

    /**
     * This page in each language. A page shown after a POST (a form with errors) leads to its page address (see
     * {@link #pageAddress}).
     */
    static List<LanguageLink> languageLinks(HttpServletRequest request, @Nullable String pageAddress) {
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        UriComponentsBuilder page = UriComponentsBuilder.fromPath(
                failedPath instanceof String path ? path : pageAddress != null ? pageAddress : request.getRequestURI());
        if ("GET".equals(request.getMethod()) && failedPath == null) {
            page.query(request.getQueryString());
        }
        return LANGUAGES.entrySet().stream()
                .map(language -> new LanguageLink(
                        language.getKey(),
                        language.getValue(),
                        page.cloneBuilder()
                                .replaceQueryParam("lang", language.getKey())
                                .build()
                                .toUriString()))
                .toList();
    }

    /** A link that shows the page in another language. */
    record LanguageLink(String tag, String name, String url) {}

    private static Map<String, String> languages() {
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put("en", "English");
        languages.put("nl", "Nederlands");
        return Collections.unmodifiableMap(languages);
    }
}
