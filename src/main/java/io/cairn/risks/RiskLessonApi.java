package io.cairn.risks;

import io.cairn.knowledge.CorrectiveAction;
import io.cairn.knowledge.CorrectiveActionId;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.cairn.shared.SharedRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** RISK-3 in the API: corrective actions of reviews that create risks or become part of their treatment. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Risks")
class RiskLessonApi {

    private final RiskLessons lessons;
    private final RiskManagement risks;

    RiskLessonApi(RiskLessons lessons, RiskManagement risks) {
        this.lessons = lessons;
        this.risks = risks;
    }

    @Operation(
            operationId = "registerRiskFromCorrectiveAction",
            summary = "Register a risk from a corrective action",
            description = "Coordinators and admins who may see the action; the risk and the action are linked.")
    @ApiResponse(responseCode = "201", description = "The risk, registered as anticipated")
    @PostMapping("/corrective-actions/{id}/risks")
    ResponseEntity<Risk> register(@PathVariable CorrectiveActionId id, @RequestBody RiskForms.NewRisk form) {
        Risk risk = risks.view(lessons.registerFrom(id, form).orRefuse());
        return ResponseEntity.created(URI.create("/api/v1/risks/" + risk.id()))
                .eTag(String.valueOf(risk.version()))
                .body(risk);
    }

    @Operation(
            operationId = "attachCorrectiveActionToRisk",
            summary = "Make a corrective action part of a risk's treatment",
            description = "Adds a line naming the action to the risk's treatment (version must be the risk's stored "
                    + "version) and links them.")
    @PostMapping("/risks/{id}/corrective-actions")
    Risk attach(@PathVariable RiskId id, @RequestBody ActionAttachment attachment) {
        CorrectiveActionId action = attachment.action();
        if (action == null) {
            throw new RefusedException(Refusal.invalid("action", SharedRefusals.REQUIRED));
        }
        return risks.view(lessons.attach(action, id, attachment.version()).orRefuse());
    }

    /** A corrective action to make part of a risk's treatment, from the risk's version read. */
    record ActionAttachment(@Nullable CorrectiveActionId action, long version) {}

    @Operation(
            operationId = "listCorrectiveActionRisks",
            summary = "The risks a corrective action created or is part of")
    @GetMapping("/corrective-actions/{id}/risks")
    List<Risk> risksOf(@PathVariable CorrectiveActionId id) {
        return risks.views(lessons.risksOf(id).orRefuse());
    }

    @Operation(
            operationId = "listRiskCorrectiveActions",
            summary = "The corrective actions linked to a risk",
            description = "Only those whose review you may read.")
    @GetMapping("/risks/{id}/corrective-actions")
    List<CorrectiveAction> actionsOf(@PathVariable RiskId id) {
        return lessons.actionsOf(id).orRefuse();
    }
}
