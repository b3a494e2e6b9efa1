package io.cairn.incidents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The saved views API: the incident list queries the signed-in user keeps under a name, to list, save and remove. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Saved views", description = "The incident list queries a signed-in user saved under a name.")
class SavedViewApi {

    private final IncidentManagement incidents;

    SavedViewApi(IncidentManagement incidents) {
        this.incidents = incidents;
    }

    @Operation(operationId = "listSavedViews", summary = "List your saved views")
    @GetMapping("/me/views")
    List<SavedView> savedViews() {
        return incidents.savedViews();
    }

    /** A view to save: its name and the list's query string. */
    record NewView(@NotBlank String name, @NotNull String query) {}

    @Operation(operationId = "saveView", summary = "Save a view")
    @ApiResponse(responseCode = "201", description = "The view, saved")
    @ApiResponse(responseCode = "409", description = "You already have a view with this name.")
    @PostMapping("/me/views")
    ResponseEntity<SavedView> saveView(@Valid @RequestBody NewView view) {
        return ResponseEntity.status(201)
                .body(incidents.saveView(view.name(), view.query()).orRefuse());
    }

    @Operation(operationId = "removeSavedView", summary = "Remove a saved view")
    @ApiResponse(responseCode = "204", description = "The view was removed")
    @DeleteMapping("/me/views/{id}")
    ResponseEntity<Void> removeView(@PathVariable SavedViewId id) {
        incidents.removeView(id).orRefuse();
        return ResponseEntity.noContent().build();
    }
}
