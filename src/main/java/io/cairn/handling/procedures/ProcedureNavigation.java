package io.cairn.handling.procedures;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every page of the UI the procedures part of the navigation: the tasks for resolvers, handlers and
 * coordinators, playbooks and routing rules for admins. Kept in this module so that the layout needs no knowledge of
 * who may do what here.
 */
@Component
class ProcedureNavigation extends PageModel {

    /** Which links of the procedures menu the signed-in user may follow. */
    record Links(boolean tasks, boolean admin) {

        public boolean any() {
            return tasks || admin;
        }
    }

    private final IdentityManagement identity;

    ProcedureNavigation(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    protected void addTo(ModelAndView page, HttpServletRequest request) {
        page.addObject(
                "procedureNavigation",
                identity.currentActor().map(ProcedureNavigation::linksOf).orElse(new Links(false, false)));
    }

    private static Links linksOf(Actor actor) {
        return new Links(actor.hasAny(Role.RESOLVER, Role.HANDLER, Role.COORDINATOR), actor.has(Role.ADMIN));
    }
}
