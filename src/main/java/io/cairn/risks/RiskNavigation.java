package io.cairn.risks;

import io.cairn.identity.IdentityManagement;
import io.cairn.shared.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page of the UI the risk register's entry of the navigation, for those who read the register
 * (coordinators, admins and auditors). Kept in this module so that the layout needs no knowledge of who may read it.
 */
@Component
class RiskNavigation extends PageModel {

    private final IdentityManagement identity;

    RiskNavigation(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    protected void addTo(ModelAndView page, HttpServletRequest request) {
        page.addObject(
                "riskNavigation",
                identity.currentActor().map(RiskRegister::reads).orElse(false));
    }
}
