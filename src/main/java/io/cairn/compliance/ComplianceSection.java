package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentPageSection;
import io.cairn.shared.Language;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The compliance section of the incident page: the regime facts and decision records with their histories, and the
 * forms that record them for those who may. Empty for reporters and for users who cannot see the incident.
 */
@Controller
class ComplianceSection implements IncidentPageSection {

    private final ComplianceManagement compliance;
    private final ObligationSubmissions submissions;
    private final RegimeCatalogue catalogue;
    private final MessageSource messages;

    ComplianceSection(
            ComplianceManagement compliance,
            ObligationSubmissions submissions,
            RegimeCatalogue catalogue,
            MessageSource messages) {
        this.compliance = compliance;
        this.submissions = submissions;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "compliance";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/compliance";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 50;
    }

    @GetMapping("/incidents/{id}/compliance")
    String section(@PathVariable IncidentId id, Model model) {
        return show(id, model, Map.of(), "");
    }

    @PostMapping("/incidents/{id}/compliance/facts/{fact}")
    String recordFact(
            @PathVariable IncidentId id,
            @PathVariable String fact,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String version = DecisionFormReading.text(form, "version");
        Outcome<RegimeFactView> recorded = compliance.recordFact(
                id,
                fact,
                DecisionFormReading.utc(DecisionFormReading.text(form, "at")),
                DecisionFormReading.text(form, "justification"),
                version.matches("\\d{1,18}") ? Long.parseLong(version) : -1);
        return answer(id, recorded, "fact:" + fact, model, request, response, redirect);
    }

    @PostMapping("/incidents/{id}/compliance/decisions/{kind}")
    String recordDecision(
            @PathVariable IncidentId id,
            @PathVariable String kind,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<DecisionView> recorded = DecisionKind.of(kind)
                .map(found -> compliance.recordDecision(id, kind, DecisionFormReading.request(found, form)))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("decision " + kind)));
        return answer(id, recorded, "decision:" + kind, model, request, response, redirect);
    }

    /** The section again for htmx (with the problems next to their fields); without script, the incident page. */
    String answer(
            IncidentId id,
            Outcome<?> outcome,
            String form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors =
                outcome instanceof Outcome.Refused<?> ? RefusalErrors.answer(outcome, messages, response) : Map.of();
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(200);
            return show(id, model, errors, form);
        }
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("problem", String.join("; ", errors.values()));
        }
        return "redirect:/incidents/" + id + "#compliance";
    }

    private String show(IncidentId id, Model model, Map<String, String> errors, String form) {
        Outcome<IncidentComplianceView> view = compliance.incidentCompliance(id);
        if (!(view instanceof Outcome.Done<IncidentComplianceView> done)) {
            return "compliance/section :: nothing";
        }
        model.addAttribute("incidentId", id);
        model.addAttribute("view", done.value());
        model.addAttribute("facts", facts(done.value()));
        model.addAttribute("decisions", decisions(done.value()));
        model.addAttribute("reports", submissions.reports(id).orRefuse());
        model.addAttribute("channels", StageSubmitting.CHANNELS);
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("errors", errors);
        model.addAttribute("openForm", form);
        return "compliance/section :: section";
    }

    /**
     * A recordable fact with its label in the reader's language and what is recorded of it.
     *
     * @param suggested the instant the form offers when none is recorded: for GDPR awareness, when the processor told
     *     us (GDPR-9)
     */
    record FactRow(
            String key,
            String label,
            @Nullable RegimeFactView recorded,
            java.time.@Nullable Instant suggested,
            long version) {}

    /** A kind of decision with its inputs and what is recorded of it. */
    record DecisionRow(
            DecisionKind kind,
            List<DecisionInput> inputs,
            @Nullable DecisionView recorded,
            long version) {

        /** The recorded inputs a re-assessment starts from (without what the rule derived); none before a first. */
        public Map<String, Object> editable() {
            return recorded == null
                    ? Map.of()
                    : DecisionRule.of(kind).editable(recorded.current().inputs());
        }
    }

    private List<FactRow> facts(IncidentComplianceView view) {
        Map<String, RegimeFactView> recorded = new LinkedHashMap<>();
        view.facts().forEach(fact -> recorded.put(fact.fact(), fact));
        return view.recordableFacts().stream()
                .map(key -> {
                    RegimeFactView fact = recorded.get(key);
                    RegimeFactView processor = recorded.get(FactKey.PROCESSOR_NOTIFIED_US.toString());
                    java.time.Instant suggested =
                            fact == null && key.equals("gdpr.awareness") && processor != null ? processor.at() : null;
                    return new FactRow(key, label(key), fact, suggested, fact == null ? 0 : fact.version());
                })
                .toList();
    }

    private static List<DecisionRow> decisions(IncidentComplianceView view) {
        Map<String, DecisionView> recorded = new LinkedHashMap<>();
        view.decisions().forEach(decision -> recorded.put(decision.kind(), decision));
        return Arrays.stream(DecisionKind.values())
                .map(kind -> {
                    DecisionView decision = recorded.get(kind.code());
                    return new DecisionRow(
                            kind, DecisionRule.of(kind).inputs(), decision, decision == null ? 0 : decision.version());
                })
                .toList();
    }

    /** The trigger's name from its regime, in the reader's language; a fact of no regime by its message. */
    private String label(String key) {
        FactKey fact = FactKey.parse(key).orElseThrow();
        Language language = Language.of(LocaleContextHolder.getLocale());
        return RegimeId.parse(fact.regime())
                .flatMap(catalogue::find)
                .flatMap(inForce -> inForce.regime().trigger(fact.trigger()))
                .map(trigger -> trigger.name().in(language))
                .orElseGet(() ->
                        messages.getMessage("compliance.fact." + key, null, key, LocaleContextHolder.getLocale()));
    }
}
