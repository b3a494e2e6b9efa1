package io.cairn.knowledge;

import io.cairn.shared.Refusal;

/** The reasons for which the knowledge module refuses a command. */
enum KnowledgeRefusals implements Refusal.Reason {
    REVIEW_REQUIRED(
            "knowledge.review-required",
            "an incident of priority {0} needs a completed post-incident review before it is closed"),
    NOT_A_SLUG(
            "knowledge.not-a-slug",
            "must be 3 to 80 lower-case letters, digits and single dashes, such as collecting-mail-headers"),
    RESERVED_SLUG("knowledge.reserved-slug", "''{0}'' is reserved; choose another address"),
    NOT_A_CATEGORY("knowledge.not-a-category", "''{0}'' is not an RSIT class and type such as fraud/phishing"),
    TOO_MANY_TAGS("knowledge.too-many-tags", "at most {0} tags"),
    NOT_A_TAG(
            "knowledge.not-a-tag",
            "''{0}'' is not a tag: use letters, digits, spaces, dots, dashes or underscores, at most 40"),
    ACTION_TITLE_LENGTH("knowledge.action-title-length", "must be 1 to 500 characters"),
    ACTION_NEEDS_OWNER("knowledge.action-needs-owner", "a corrective action needs an owner"),
    ACTION_NEEDS_DUE_DATE("knowledge.action-needs-due-date", "a corrective action needs a due date"),
    LIES_IN_THE_PAST("knowledge.lies-in-the-past", "lies in the past"),
    ONLY_COORDINATORS_SEE_ACTIONS(
            "knowledge.only-coordinators-see-actions", "only coordinators see all corrective actions"),
    ONLY_COORDINATORS_SEE_RECURRENCES(
            "knowledge.only-coordinators-see-recurrences", "only coordinators see the recurring incidents"),
    ONLY_STAFF_SEE_CANDIDATES(
            "knowledge.only-staff-see-candidates", "only handlers and coordinators see recurrence candidates"),
    REVIEW_NEEDS_SUMMARY("knowledge.review-needs-summary", "a completed review needs a summary of the timeline"),
    REVIEW_NEEDS_ROOT_CAUSE("knowledge.review-needs-root-cause", "a completed review needs a root cause"),
    ONLY_ADMINS_EDIT_ROOT_CAUSES("knowledge.only-admins-edit-root-causes", "only admins edit the root causes"),
    NOT_A_ROOT_CAUSE_KEY(
            "knowledge.not-a-root-cause-key",
            "must be 2 to 40 lower-case letters, digits and dashes, starting with a letter"),
    ROOT_CAUSE_KEY_TAKEN("knowledge.root-cause-key-taken", "a root cause with this key already exists"),
    NOT_A_ROOT_CAUSE("knowledge.not-a-root-cause", "''{0}'' is not a root cause of the vocabulary"),
    RETIRED_ROOT_CAUSE("knowledge.retired-root-cause", "''{0}'' is retired; choose another root cause"),
    ROOT_CAUSE_LABEL_TAKEN("knowledge.root-cause-label-taken", "another root cause already has this name"),
    ONLY_STAFF_READ_REVIEWS("knowledge.only-staff-read-reviews", "only the security team reads post-incident reviews"),
    ONLY_STAFF_WRITE_ARTICLES(
            "knowledge.only-staff-write-articles", "only handlers, coordinators and admins write articles"),
    SLUG_TAKEN("knowledge.slug-taken", "another article already has the address {0}"),
    ONLY_STAFF_WRITE_REVIEWS(
            "knowledge.only-staff-write-reviews", "only handlers and coordinators write post-incident reviews"),
    NO_SUCH_USER("knowledge.no-such-user", "there is no user with this name"),
    NOT_A_DATE("knowledge.not-a-date", "is not a date (yyyy-mm-dd)");

    private final String code;
    private final String template;

    KnowledgeRefusals(String code, String template) {
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
