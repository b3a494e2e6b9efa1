package io.cairn.handling.sla;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentPageSection;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The SLA clocks on the incident page, right under its header: response and resolution due times with a live
 * countdown ({@code js/sla.js}), paused and met clocks, warnings and breaches, and the button that acknowledges a
 * breach. Empty for users who may not read clocks (reporters) and for incidents without clocks.
 */
@Controller
class SlaSection implements IncidentPageSection {

    private final SlaManagement sla;
    private final org.springframework.context.MessageSource messages;

    SlaSection(SlaManagement sla, org.springframework.context.MessageSource messages) {
        this.sla = sla;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "sla";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/sla";
    }

    @Override
    public Place place() {
        return Place.HEADER;
    }

    @Override
    public int order() {
        return 10;
    }

    @GetMapping("/incidents/{id}/sla")
    String section(@PathVariable IncidentId id, Model model) {
        Outcome<List<SlaClockView>> clocks = sla.clocks(id);
        if (!(clocks instanceof Outcome.Done<List<SlaClockView>> done)
                || done.value().isEmpty()) {
            return "sla/section :: nothing";
        }
        model.addAttribute("incidentId", id);
        model.addAttribute("clocks", done.value());
        model.addAttribute(
                "awaitsAcknowledgement", done.value().stream().anyMatch(SlaClockView::awaitsAcknowledgement));
        return "sla/section :: section";
    }

    @PostMapping("/incidents/{id}/sla/acknowledge")
    String acknowledge(@PathVariable IncidentId id, RedirectAttributes redirect, java.util.Locale locale) {
        Outcome<List<SlaClockView>> done = sla.acknowledgeBreaches(id);
        if (done instanceof Outcome.Refused<List<SlaClockView>> refused) {
            Refusal refusal = refused.refusal();
            redirect.addFlashAttribute("problem", refusal.message());
        } else {
            redirect.addFlashAttribute("notice", messages.getMessage("sla.acknowledged", null, locale));
        }
        return "redirect:/incidents/" + id;
    }
}
