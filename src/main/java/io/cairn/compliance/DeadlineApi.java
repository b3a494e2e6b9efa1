package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadlines of every open stage of obligations across incidents, for privacy officers and coordinators, and the
 * secret address of their calendar feed.
 */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(
        name = "Deadlines",
        description = "Open stages of regulatory obligations across the incidents the user sees, earliest due first.")
class DeadlineApi {

    private final DeadlineReading deadlines;

    DeadlineApi(DeadlineReading deadlines) {
        this.deadlines = deadlines;
    }

    @Operation(
            operationId = "listDeadlines",
            summary = "List the deadlines of open stages across incidents (privacy officer, coordinator)",
            description = "Earliest due first, so the overdue ones first; stages whose clock does not run yet last. "
                    + "`state` is open (all), overdue, due-soon or not-yet-running; `regime` a regime id such as gdpr; "
                    + "`limit` 1 to 200, `offset` 0 to 10,000; `more` says whether a page follows.")
    @GetMapping("/deadlines")
    DeadlinePage list(
            @RequestParam(required = false) @Nullable LegalEntityId legalEntity,
            @RequestParam(required = false) @Nullable String regime,
            @RequestParam(defaultValue = "open") String state,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return deadlines.deadlines(legalEntity, regime, state, limit, offset).orRefuse();
    }

    /** The address of a calendar feed, with its secret: shown once. */
    record Feed(String url) {}

    @Operation(
            operationId = "issueDeadlineCalendar",
            summary = "Make a new secret address of your calendar feed of deadlines (the old one stops working)")
    @PostMapping("/calendar-feed")
    @ResponseStatus(HttpStatus.CREATED)
    Feed issue() {
        return new Feed(deadlines.issueFeed().orRefuse());
    }

    @Operation(
            operationId = "revokeDeadlineCalendar",
            summary = "Revoke the address of your calendar feed: it answers 404 from now on")
    @DeleteMapping("/calendar-feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke() {
        deadlines.revokeFeed().orRefuse();
    }
}
