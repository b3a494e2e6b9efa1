package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the reports on the incident's compliance section: saving a stage's draft and marking it submitted,
 * answered with the section again (problems next to their fields) or, without script, the incident page.
 */
@Controller
@RequestMapping("/incidents/{id}/compliance/obligations/{obligation}/stages/{stage}")
class SubmissionForms {

    private static final String FIELD = "field.";

    private final ObligationSubmissions submissions;
    private final ComplianceSection section;

    SubmissionForms(ObligationSubmissions submissions, ComplianceSection section) {
        this.submissions = submissions;
        this.section = section;
    }

    @PostMapping("/draft")
    String saveDraft(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @PathVariable String stage,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(FIELD) && !values.isEmpty()) {
                fields.put(name.substring(FIELD.length()), values.get(0));
            }
        });
        Outcome<ReportDraftView> saved = submissions.saveDraft(id, obligation, stage, fields, version(form));
        keep(saved, form, model);
        return section.answer(id, saved, key(obligation, stage), model, request, response, redirect);
    }

    @PostMapping("/submit")
    String submit(
            @PathVariable IncidentId id,
            @PathVariable UUID obligation,
            @PathVariable String stage,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Outcome<SubmissionView> submitted = submissions.submit(
                id,
                obligation,
                stage,
                new StageSubmitting.Request(
                        DecisionFormReading.text(form, "channel"),
                        DecisionFormReading.text(form, "recipient"),
                        DecisionFormReading.text(form, "reference"),
                        DecisionFormReading.text(form, "delayReason"),
                        version(form)));
        keep(submitted, form, model);
        return section.answer(id, submitted, key(obligation, stage), model, request, response, redirect);
    }

    /** A refused form's values, so that the section shows them again with the problems. */
    private static void keep(Outcome<?> outcome, MultiValueMap<String, String> form, Model model) {
        if (outcome instanceof Outcome.Refused<?>) {
            model.addAttribute("given", form.toSingleValueMap());
        }
    }

    private static long version(MultiValueMap<String, String> form) {
        String version = DecisionFormReading.text(form, "version");
        return version.matches("\\d{1,18}") ? Long.parseLong(version) : -1;
    }

    /** The form's key on the section, which it opens again with its problems. */
    static String key(UUID obligation, String stage) {
        return "report:" + obligation + "/" + stage;
    }
}
