package io.cairn.isms.schedules;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Tells every page whether the signed-in user reads schedules, for the link to them in the navigation. */
@Component
class ScheduleNavigation extends PageModel {

    private final IdentityManagement identity;

    ScheduleNavigation(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    protected void addTo(ModelAndView page, HttpServletRequest request) {
        page.addObject(
                "scheduleNavigation",
                identity.currentActor()
                        .map(actor -> actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.ADMIN))
                        .orElse(false));
    }
}
