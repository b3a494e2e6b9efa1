package io.cairn.platform;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page of the UI the signed-in user, for the navigation and role-dependent parts of the layout. */
@ControllerAdvice
class LayoutAdvice {

    private final IdentityManagement identity;

    LayoutAdvice(IdentityManagement identity) {
        this.identity = identity;
    }

    @ModelAttribute("currentActor")
    @Nullable Actor currentActor(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return identity.currentActor().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
