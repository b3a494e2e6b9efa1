package io.cairn.reporting;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page of the UI the dashboards' entry of the navigation, for those who read a dashboard: coordinators,
 * admins and auditors (the whole picture), and handlers (their team's).
 */
@Component
class DashboardNavigation extends PageModel {

    private final IdentityManagement identity;

    DashboardNavigation(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    protected void addTo(ModelAndView page, HttpServletRequest request) {
        page.addObject(
                "dashboardNavigation",
                identity.currentActor()
                        .map(actor -> actor.hasAny(Role.COORDINATOR, Role.ADMIN, Role.AUDITOR, Role.HANDLER))
                        .orElse(false));
    }
}
