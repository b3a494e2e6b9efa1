package io.cairn.handling.routing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The routing rule API: the ordered list of rules that give new incidents a team and an owner (admins edit). */
@RestController
@RequestMapping("/api/v1/routing-rules")
@Tag(
        name = "Routing rules",
        description = "The ordered rules that give new incidents a team and an owner; the first that matches wins. "
                + "Admins edit them.")
class RoutingApi {

    /** Moving a rule one place up or down. */
    record Move(String direction) {}

    private final RoutingRuleManagement procedures;

    RoutingApi(RoutingRuleManagement procedures) {
        this.procedures = procedures;
    }

    @Operation(
            operationId = "listRoutingRules",
            summary = "List the routing rules",
            description = "In the order they are tried; the first that matches wins.")
    @GetMapping
    List<RoutingRule> all() {
        return procedures.routingRules().orRefuse();
    }

    @Operation(operationId = "getRoutingRule", summary = "Read a routing rule")
    @GetMapping("/{id}")
    RoutingRule one(@PathVariable RoutingRuleId id) {
        return procedures.routingRule(id).orRefuse();
    }

    @Operation(
            operationId = "addRoutingRule",
            summary = "Add a routing rule",
            description = "Admins. It goes at the end of the list.")
    @ApiResponse(responseCode = "201", description = "The routing rule, added")
    @PostMapping
    ResponseEntity<RoutingRule> add(@RequestBody RoutingRuleDefinition definition) {
        RoutingRule added = procedures.addRoutingRule(definition).orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/routing-rules/" + added.id()))
                .body(added);
    }

    @Operation(
            operationId = "changeRoutingRule",
            summary = "Change a routing rule",
            description = "Admins; needs the version the caller saw.")
    @PutMapping("/{id}")
    RoutingRule change(@PathVariable RoutingRuleId id, @RequestBody RoutingRuleDefinition definition) {
        return procedures.changeRoutingRule(id, definition).orRefuse();
    }

    @Operation(
            operationId = "moveRoutingRule",
            summary = "Move a routing rule one place up or down",
            description = "Admins. The answer is the whole list in its new order.")
    @PostMapping("/{id}/move")
    List<RoutingRule> move(@PathVariable RoutingRuleId id, @RequestBody Move move) {
        if (!"up".equals(move.direction()) && !"down".equals(move.direction())) {
            throw new io.cairn.shared.RefusedException(
                    io.cairn.shared.Refusal.invalid("direction", RoutingRefusals.NOT_A_DIRECTION));
        }
        return procedures.moveRoutingRule(id, "up".equals(move.direction())).orRefuse();
    }

    @Operation(operationId = "removeRoutingRule", summary = "Remove a routing rule", description = "Admins.")
    @ApiResponse(responseCode = "204", description = "The routing rule was removed")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable RoutingRuleId id) {
        procedures.removeRoutingRule(id).orRefuse();
        return ResponseEntity.noContent().build();
    }
}
