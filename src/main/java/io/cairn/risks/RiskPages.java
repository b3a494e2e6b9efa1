package io.cairn.risks;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.DeviceView;
import io.cairn.assets.ServiceView;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserView;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of one risk: the form to register one, and a risk's page with its assessments, owner, treatment, target
 * date, status, links and history, where coordinators revise it and assess it again. Each problem shows next to its
 * field; a form sent from a version someone else changed since answers 409 and shows the risk as it is now.
 */
@Controller
class RiskPages {

    private final RiskManagement risks;
    private final IdentityManagement identity;
    private final AssetManagement assets;
    private final RiskProposals proposals;
    private final RiskLessons lessons;
    private final RiskRaising raising;
    private final MessageSource messages;

    RiskPages(
            RiskManagement risks,
            IdentityManagement identity,
            AssetManagement assets,
            RiskProposals proposals,
            RiskLessons lessons,
            RiskRaising raising,
            MessageSource messages) {
        this.lessons = lessons;
        this.raising = raising;
        this.risks = risks;
        this.proposals = proposals;
        this.assets = assets;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/risks/new")
    String form(Model model) {
        if (!RiskRegister.changes(identity.requireActor())) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return newPage(RiskPageForm.empty(identity.requireActor().id()), Map.of(), model);
    }

    @PostMapping("/risks")
    String register(RiskPageForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Outcome<Risk> registered = form.newRisk().flatMap(risks::register);
        if (registered instanceof Outcome.Done<Risk> done) {
            redirect.addFlashAttribute(
                    "notice", message("risks.registered", done.value().title()));
            return "redirect:/risks/" + done.value().id();
        }
        return newPage(form, RefusalErrors.answer(registered, messages, response), model);
    }

    @GetMapping("/risks/{id}")
    String risk(@PathVariable RiskId id, Model model) {
        Risk risk = RiskPages.shown(risks.risk(id));
        RiskPageForm form = RiskPageForm.of(risk);
        return riskPage(risk, form, form, Map.of(), model);
    }

    @PostMapping("/risks/{id}")
    String revise(
            @PathVariable RiskId id,
            RiskPageForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RiskPages.shown(risks.risk(id));
        Outcome<Risk> revised = form.revision(version(form)).flatMap(revision -> risks.revise(id, revision));
        if (revised instanceof Outcome.Done<Risk> done) {
            redirect.addFlashAttribute(
                    "notice", message("risks.revised", done.value().title()));
            return "redirect:/risks/" + id;
        }
        Risk now = RiskPages.shown(risks.risk(id));
        return riskPage(now, form, RiskPageForm.of(now), errors(revised, response, "revise"), model);
    }

    @PostMapping("/risks/{id}/assessment")
    String assess(
            @PathVariable RiskId id,
            RiskPageForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RiskPages.shown(risks.risk(id));
        Outcome<Risk> assessed = risks.assess(id, form.reassessment(version(form)));
        if (assessed instanceof Outcome.Done<Risk> done) {
            redirect.addFlashAttribute(
                    "notice", message("risks.assessed", done.value().title()));
            return "redirect:/risks/" + id;
        }
        Risk now = RiskPages.shown(risks.risk(id));
        return riskPage(now, RiskPageForm.of(now), form, errors(assessed, response, "assess"), model);
    }

    /** The version the form was read at; a form without one is stale by definition. */
    private static long version(RiskPageForm form) {
        return form.version() == null ? -1 : form.version();
    }

    /** The problems of a refused form, each under its field prefixed by the form's name, the status set. */
    private Map<String, String> errors(Outcome<?> refused, HttpServletResponse response, String formName) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        RefusalErrors.answer(refused, messages, response)
                .forEach((field, text) -> errors.put(formName + "." + field, text));
        return errors;
    }

    private String newPage(RiskPageForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        choices(model);
        return "risks/new";
    }

    /** A risk's page with its revision and assessment forms as entered (or as stored) and their problems. */
    String riskPage(
            Risk risk, RiskPageForm revision, RiskPageForm assessment, Map<String, String> errors, Model model) {
        model.addAttribute("risk", risk);
        model.addAttribute("revision", revision);
        model.addAttribute("assessment", assessment);
        model.addAttribute("errors", errors);
        model.addAttribute("links", RiskPages.shown(risks.links(risk.id())));
        model.addAttribute("history", RiskPages.shown(risks.history(risk.id())));
        model.addAttribute("proposals", RiskPages.shown(proposals.of(risk.id())));
        model.addAttribute("correctiveActions", RiskPages.shown(lessons.actionsOf(risk.id())));
        model.addAttribute("origins", RiskPages.shown(raising.originsOf(risk.id())));
        model.addAttribute(
                "closureReasons",
                java.util.Arrays.stream(ClosureReason.values())
                        .map(ClosureReason::code)
                        .toList());
        model.addAttribute("duration", RiskTexts.duration(risk.resolutionMinutes()));
        model.addAttribute("changes", RiskRegister.changes(identity.requireActor()));
        model.addAttribute("assetChoices", assetChoices());
        choices(model);
        return "risks/show";
    }

    /** A device or service to link, as the asset field sends it ({@code device/} and its id) and by its name. */
    record AssetChoice(String value, String name) {}

    private List<AssetChoice> assetChoices() {
        List<AssetChoice> choices = new java.util.ArrayList<>();
        if (assets.services() instanceof Outcome.Done<List<ServiceView>> services) {
            services.value().stream()
                    .filter(service -> !service.retired())
                    .forEach(service -> choices.add(new AssetChoice("service/" + service.id(), service.name())));
        }
        if (assets.devices() instanceof Outcome.Done<List<DeviceView>> devices) {
            devices.value().forEach(device -> choices.add(new AssetChoice("device/" + device.id(), device.name())));
        }
        return choices;
    }

    private void choices(Model model) {
        model.addAttribute("matrix", risks.matrix());
        model.addAttribute("units", identity.businessUnits());
        List<UserView> people =
                identity.users() instanceof Outcome.Done<List<UserView>> done ? done.value() : List.of();
        model.addAttribute("people", people);
    }

    /** The value of a read, or the page of the refusal's status (403 for those who do not read the register). */
    static <T> T shown(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Refused<T> refused) {
            throw new org.springframework.web.server.ResponseStatusException(
                    HttpStatus.valueOf(refused.refusal().kind().status()),
                    refused.refusal().message());
        }
        return ((Outcome.Done<T>) outcome).value();
    }

    private String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }
}
