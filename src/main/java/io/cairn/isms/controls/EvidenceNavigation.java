package io.cairn.isms.controls;

import io.cairn.identity.IdentityManagement;
import io.cairn.shared.PageModel;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives the pages the link to the evidence of controls for those who may read it (auditors, coordinators, admins): the
 * list of security procedures shows it in its header.
 */
@Component
class EvidenceNavigation extends PageModel {

    private final IdentityManagement identity;

    EvidenceNavigation(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    protected void addTo(ModelAndView page, HttpServletRequest request) {
        page.addObject(
                "controlEvidenceLink",
                identity.currentActor().map(ControlEvidence::reads).orElse(false));
    }
}
