package io.cairn.knowledge;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserView;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentPageSection;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The post-incident review on the incident page, for the staff who may read it: the review, its corrective actions,
 * and for handlers and coordinators the forms to draft, complete, add actions and mark them done. The forms post
 * with htmx and get this section back, with the problems next to their fields; a form posted without script is
 * redirected to the incident page, its problems told there.
 */
@Controller
class ReviewSection implements IncidentPageSection {

    private final KnowledgeManagement knowledge;
    private final IdentityManagement identity;
    private final MessageSource messages;

    ReviewSection(KnowledgeManagement knowledge, IdentityManagement identity, MessageSource messages) {
        this.knowledge = knowledge;
        this.identity = identity;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "review";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/review";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 300;
    }

    /** The review form. */
    record ReviewForm(
            @Nullable String summary,
            @Nullable String rootCause,
            @Nullable String wentWell,
            @Nullable String toImprove,
            long version) {

        static ReviewForm of(Review review) {
            return new ReviewForm(
                    review.summary(), review.rootCause(), review.wentWell(), review.toImprove(), review.version());
        }
    }

    /** The form of a new corrective action: the owner by username, the due date as yyyy-mm-dd. */
    record ActionForm(
            @Nullable String title,
            @Nullable String owner,
            @Nullable String dueOn) {}

    @GetMapping("/incidents/{id}/review")
    String section(@PathVariable IncidentId id, Model model) {
        Outcome<Review> review = knowledge.review(id);
        if (review instanceof Outcome.Refused<Review>) {
            return "knowledge/sections :: no-review";
        }
        if (!knowledge.reviewIsDue(id)) {
            return "knowledge/sections :: review-later";
        }
        Review current = ((Outcome.Done<Review>) review).value();
        model.addAttribute("reviewForm", ReviewForm.of(current));
        model.addAttribute("actionForm", new ActionForm("", "", ""));
        return show(id, current, model);
    }

    @PostMapping("/incidents/{id}/review")
    String save(
            @PathVariable IncidentId id,
            @ModelAttribute("reviewForm") ReviewForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "false") boolean complete,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Outcome<Review> saved = knowledge.saveReview(
                id,
                new ReviewDraft(form.summary(), form.rootCause(), form.wentWell(), form.toImprove(), form.version()),
                complete);
        model.addAttribute("actionForm", new ActionForm("", "", ""));
        if (saved instanceof Outcome.Done<Review> done) {
            model.addAttribute("reviewForm", ReviewForm.of(done.value()));
            model.addAttribute("saved", complete ? "completed" : "drafted");
            return answer(id, show(id, done.value(), model), errors, model, request, redirect);
        }
        Refusal refusal = ((Outcome.Refused<Review>) saved).refusal();
        if (refusal.kind() == Refusal.Kind.NOT_FOUND || refusal.kind() == Refusal.Kind.FORBIDDEN) {
            return answer(id, "knowledge/sections :: no-review", errors, model, request, redirect);
        }
        RefusalErrors.reject(refusal, errors);
        return answer(id, show(id, current(id), model), errors, model, request, redirect);
    }

    @PostMapping("/incidents/{id}/review/actions")
    String addAction(
            @PathVariable IncidentId id,
            @ModelAttribute("actionForm") ActionForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Review review = current(id);
        model.addAttribute("reviewForm", ReviewForm.of(review));
        String owner = form.owner() == null ? "" : form.owner().strip();
        var user = owner.isEmpty() ? java.util.Optional.<UserView>empty() : identity.findUserByUsername(owner);
        if (!owner.isEmpty() && user.isEmpty()) {
            errors.rejectValue(
                    "owner",
                    RefusalErrors.codeOf(KnowledgeRefusals.NO_SUCH_USER),
                    KnowledgeRefusals.NO_SUCH_USER.template());
            return answer(id, show(id, review, model), errors, model, request, redirect);
        }
        LocalDate dueOn;
        try {
            dueOn = form.dueOn() == null || form.dueOn().isBlank()
                    ? null
                    : LocalDate.parse(form.dueOn().strip());
        } catch (DateTimeParseException notADate) {
            errors.rejectValue(
                    "dueOn",
                    RefusalErrors.codeOf(KnowledgeRefusals.NOT_A_DATE),
                    KnowledgeRefusals.NOT_A_DATE.template());
            return answer(id, show(id, review, model), errors, model, request, redirect);
        }
        Outcome<CorrectiveAction> added = knowledge.addCorrectiveAction(
                id, new NewCorrectiveAction(form.title(), user.map(UserView::id).orElse(null), dueOn));
        if (added instanceof Outcome.Refused<CorrectiveAction> refused) {
            if (refused.refusal().kind() == Refusal.Kind.NOT_FOUND
                    || refused.refusal().kind() == Refusal.Kind.FORBIDDEN) {
                return answer(id, "knowledge/sections :: no-review", errors, model, request, redirect);
            }
            RefusalErrors.reject(refused.refusal(), errors);
            return answer(id, show(id, review, model), errors, model, request, redirect);
        }
        model.addAttribute("actionForm", new ActionForm("", "", ""));
        return answer(id, show(id, current(id), model), errors, model, request, redirect);
    }

    @PostMapping("/incidents/{id}/review/actions/{action}")
    String markAction(
            @PathVariable IncidentId id,
            @PathVariable CorrectiveActionId action,
            @RequestParam boolean done,
            @RequestParam long version,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Outcome<CorrectiveAction> marked = knowledge.markCorrectiveAction(action, done, version);
        Review review = current(id);
        model.addAttribute("reviewForm", ReviewForm.of(review));
        model.addAttribute("actionForm", new ActionForm("", "", ""));
        if (marked instanceof Outcome.Refused<CorrectiveAction> refused) {
            model.addAttribute("actionProblem", refused.refusal().message());
        }
        return answer(id, show(id, review, model), null, model, request, redirect);
    }

    /** The section for htmx; for a form posted without script, the incident page with the problems as a notice. */
    private String answer(
            IncidentId id,
            String section,
            @Nullable Errors errors,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if ("true".equals(request.getHeader("HX-Request"))) {
            return section;
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<String> problems = new ArrayList<>();
        if (errors != null) {
            errors.getAllErrors().forEach(error -> problems.add(messages.getMessage(error, locale)));
        }
        if (model.getAttribute("actionProblem") instanceof String problem) {
            problems.add(problem);
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problem", String.join("; ", problems));
        }
        return "redirect:/incidents/" + id + "#review";
    }

    private Review current(IncidentId id) {
        return knowledge
                .review(id)
                .orElseThrow(refusal -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
    }

    private String show(IncidentId id, Review review, Model model) {
        model.addAttribute("incidentId", id);
        model.addAttribute("review", review);
        model.addAttribute("writes", knowledge.mayWriteReview(id));
        model.addAttribute("rootCauses", knowledge.rootCauses());
        return "knowledge/sections :: review";
    }
}
