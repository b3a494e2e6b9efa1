package io.cairn.isms.runs;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Gives the page of a run ({@link RunPages}) the files attached to each of its steps, as {@code stepAttachments}: kept
 * beside the run's pages rather than in them, so that the run's page and its attachments change apart.
 */
@ControllerAdvice(assignableTypes = RunPages.class)
class RunPageAttachments {

    private final StepAttachments attachments;

    RunPageAttachments(StepAttachments attachments) {
        this.attachments = attachments;
    }

    @ModelAttribute("stepAttachments")
    Map<RunStepId, List<StepAttachment>> stepAttachments(
            HttpServletRequest request, @PathVariable Map<String, String> variables) {
        String id = variables.get("id");
        if (!"GET".equals(request.getMethod())
                || id == null
                || !request.getRequestURI().contains("/procedures/runs/")) {
            return Map.of();
        }
        try {
            return attachments.ofRun(ProcedureRunId.valueOf(id));
        } catch (IllegalArgumentException notAnId) {
            // the page itself answers an address that names no run
            return Map.of();
        }
    }
}
