package io.cairn.isms.runs;

import io.cairn.identity.IdentityManagement;
import io.cairn.shared.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page of the UI the entry of security procedures in the navigation: everyone signed in starts runs (an
 * access request) and may be named to approve one. Kept in this module so that the layout needs no rules of its own.
 */
@Component
class RunNavigation extends PageModel {

    private final IdentityManagement identity;

    RunNavigation(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    protected void addTo(ModelAndView page, HttpServletRequest request) {
        page.addObject("runNavigation", identity.currentActor().isPresent());
    }
}
