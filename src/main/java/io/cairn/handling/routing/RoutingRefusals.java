package io.cairn.handling.routing;

import io.cairn.shared.Refusal;

/** The reasons for which handling's routing rules refuse a command. */
enum RoutingRefusals implements Refusal.Reason {
    NAME_TAKEN("routing.name-taken", "another rule is called ''{0}''"),
    TYPE_NEEDS_CLASS("routing.type-needs-class", "a type needs its RSIT class"),
    NOT_A_CATEGORY("routing.not-a-category", "''{0}'' is not an RSIT class or class/type"),
    NOT_A_TEMPLATE_KEY(
            "routing.not-a-template-key",
            "''{0}'' is not a report template key (lower-case letters, digits and dashes)"),
    NOT_A_DEVICE_ID("routing.not-a-device-id", "''{0}'' is not a device id (a UUID)"),
    NEEDS_TEAM("routing.needs-team", "a rule routes to a team"),
    TEAM_DOES_NOT_EXIST("routing.team-does-not-exist", "team ''{0}'' does not exist"),
    NOT_A_DIRECTION("routing.not-a-direction", "must be up or down");

    private final String code;
    private final String template;

    RoutingRefusals(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }
}
