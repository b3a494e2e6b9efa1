package io.cairn.incidents;

import io.cairn.shared.Refusal;

/** The reasons for which the incidents module refuses a command. */
enum IncidentRefusals implements Refusal.Reason {
    ONLY_STAFF_ASSIGN("incident.only-staff-assign", "only handlers and coordinators may assign an incident"),
    ONLY_STAFF_READ_VERIS(
            "incident.only-staff-read-veris", "only the security staff read how an incident is described in VERIS"),
    NOT_A_DEVICE("incident.not-a-device", "is not a registered device"),
    DETECTED_BEFORE_OCCURRED("incident.detected-before-occurred", "lies before the time it occurred"),
    NOT_A_CATEGORY("incident.not-a-category", "''{0}/{1}'' is not an RSIT class and type"),
    MAY_NOT_NOTE("incident.may-not-note", "you may read this incident but not add notes to it"),
    MAY_NOT_ASK("incident.may-not-ask", "only handlers and coordinators ask the reporter questions"),
    MAY_NOT_CHANGE(
            "incident.may-not-change", "you may read this incident but only handlers and coordinators may change it"),
    MAY_NOT_REPORT("incident.may-not-report", "{0} does not have a role that may report"),
    ACCEPTING_NEEDS_DETECTION(
            "incident.accepting-needs-detection",
            "accepting needs to know who or what detected the incident: a system, a person inside the organisation, "
                    + "or someone outside it"),
    DISMISSING_NEEDS_REASON("incident.dismissing-needs-reason", "dismissing needs a reason the reporter will read"),
    CLOSING_NEEDS_RESOLUTION("incident.closing-needs-resolution", "closing needs a resolution"),
    REOPENING_NEEDS_REASON("incident.reopening-needs-reason", "reopening needs a reason"),
    MERGING_NEEDS_TARGET("incident.merging-needs-target", "merging needs the incident to merge into"),
    BULK_NEEDS_STATUS("incident.bulk-needs-status", "a bulk transition needs the status to move to"),
    LOWERING_NEEDS_REASON("incident.lowering-needs-reason", "lowering the TLP marking from {0} to {1} needs a reason"),
    MERGED("incident.merged", "this incident was merged into another; work on that one"),
    NOT_ALLOWED_NEXT("incident.not-allowed-next", "an incident in status {0} cannot move to {1}; allowed: {2}"),
    MERGE_INTO_ITSELF("incident.merge-into-itself", "an incident cannot be merged into itself"),
    ALREADY_MERGED("incident.already-merged", "this incident was already merged"),
    MERGE_INTO_CLOSED("incident.merge-into-closed", "cannot merge into an incident that is closed"),
    MERGE_INTO_DISMISSED("incident.merge-into-dismissed", "cannot merge into an incident that is dismissed"),
    MERGE_INTO_STATUS("incident.merge-into-status", "cannot merge into an incident that is {0}"),
    LEVEL_COUNT("incident.level-count", "must have 1 to 10 levels"),
    LEVEL_LABEL("incident.level-label", "every level needs a label of 1 to 40 characters"),
    SAME_LABELS("incident.same-labels", "labels must differ from each other"),
    ROW_COUNT("incident.row-count", "needs one row per impact level ({0}), has {1}"),
    COLUMN_COUNT("incident.column-count", "needs one priority per urgency level ({0})"),
    NOT_A_PRIORITY_LEVEL("incident.not-a-priority-level", "must be a priority level from 1 to {0}"),
    NOT_A_DIRECTION("incident.not-a-direction", "must be asc or desc"),
    LINK_TO_ITSELF("incident.link-to-itself", "an incident cannot be linked to itself"),
    ALREADY_HAS_PARENT("incident.already-has-parent", "that incident already has a parent"),
    PARENT_CYCLE("incident.parent-cycle", "that incident is a parent of this one; parents cannot form a cycle"),
    MAY_NOT_MERGE_INTO("incident.may-not-merge-into", "incident {0} does not exist or you may not change it"),
    NOT_A_VIEW_QUERY(
            "incident.not-a-view-query", "must be a list filter of at most 2000 characters, without a page cursor"),
    VIEW_NAME_TAKEN("incident.view-name-taken", "you already have a view with this name"),
    NOT_A_SORTED_CURSOR("incident.not-a-sorted-cursor", "is not a cursor of this list and sort order"),
    NOT_A_CURSOR("incident.not-a-cursor", "is not a cursor of this list"),
    NOT_A_PRIORITY("incident.not-a-priority", "''{0}'' is not one of {1}"),
    BLANK_TITLE("incident.blank-title", "must not be blank"),
    NOT_A_SERVICE("incident.not-a-service", "{0} is not a service of this organisation"),
    SERVICE_RETIRED("incident.service-retired", "{0} is retired; a retired service cannot be newly named"),
    TOO_MANY_SERVICES("incident.too-many-services", "must name at most {0} services"),
    VERIS_TWICE("incident.veris-twice", "names ''{0}'' twice; name each once"),
    VERIS_NO_VALUES("incident.veris-no-values", "VERIS has no values here; leave it empty"),
    VERIS_DURATION_NUMBER("incident.veris-duration-number", "a duration of {0} has no number");

    private final String code;
    private final String template;

    IncidentRefusals(String code, String template) {
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
