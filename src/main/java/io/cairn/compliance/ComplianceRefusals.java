package io.cairn.compliance;

import io.cairn.shared.Refusal;

/**
 * The reasons for which the compliance module refuses a command or a regime file; the Dutch texts are in
 * {@code i18n/compliance_nl.properties} under {@code refusal.} and the code.
 */
enum ComplianceRefusals implements Refusal.Reason {
    REGIME_NOT_FOUND("compliance.regime-not-found", "no regime {0} is in force"),
    NOT_A_COUNTRY("compliance.not-a-country", "''{0}'' is no ISO 3166 country code of two letters, such as NL"),
    CONTROL_CHARACTERS("compliance.control-characters", "must not contain control characters"),
    NOT_AN_AMOUNT("compliance.not-an-amount", "must be a number of whole euros of 0 or more"),
    UNKNOWN_INPUT("compliance.unknown-input", "has an input ''{0}'' that is not one of {1}"),
    BAD_INPUT("compliance.bad-input", "must be {0}"),
    ESTIMATE_WITHOUT_BASIS("compliance.estimate-without-basis", "an estimate must name the basis it was made on"),
    COSTS_DO_NOT_ADD_UP(
            "compliance.costs-do-not-add-up",
            "is EUR {0}, but the costs and losses by category add up to EUR {1}: correct the one or the others, or leave"
                    + " the economic impact empty to take their sum"),
    COSTS_TOO_LARGE(
            "compliance.costs-too-large",
            "the costs and losses by category add up to more than EUR {0}, the largest amount: check them"),
    UNLIKELY_NEEDS_OVERRIDE(
            "compliance.unlikely-needs-override",
            "special-category or criminal data is involved, so damage should be considered likely: say why the risk is"
                    + " unlikely nonetheless"),
    MAY_NOT_HANDLE("compliance.may-not-handle", "you may read but not record the regulatory facts of {0}"),
    NOT_RECORDABLE("compliance.not-recordable", "''{0}'' is no fact one records; the facts are {1}"),
    NOT_A_DECISION("compliance.not-a-decision", "''{0}'' is no decision; the decisions are {1}"),
    NOT_A_RESULT("compliance.not-a-result", "must be one of {0}"),
    COMPUTED_RESULT("compliance.computed-result", "is computed from the inputs and cannot be chosen"),
    TOO_EARLY("compliance.too-early", "lies before {0}"),
    NOT_OPEN("compliance.obligation-not-open", "the obligation has no open stage: there is nothing to re-base"),
    STAGE_NOT_OPEN("compliance.stage-not-open", "the stage {0} is not open: it has no report to write or submit"),
    UNKNOWN_REPORT_FIELD("compliance.unknown-report-field", "''{0}'' is no field of this report; its fields are {1}"),
    MANDATORY_FIELD_EMPTY("compliance.mandatory-field-empty", "{0} is mandatory for this report: fill it in"),
    REFERENCE_NEEDED("compliance.reference-needed", "the authority gives a reference number through {0}: enter it"),
    DELAY_REASON_NEEDED("compliance.delay-reason-needed", "the report was due at {0}: say why it is late"),
    PERIOD_REVERSED("compliance.period-reversed", "lies before the start of the period, {0}"),
    NOT_A_PRIVACY_OFFICER("compliance.not-a-privacy-officer", "{0} does not hold the role privacy officer"),
    CSV_NOT_UTF8("compliance.csv.not-utf8", "is not UTF-8 text: save the file as CSV UTF-8"),
    CSV_SYNTAX("compliance.csv.syntax", "is no valid CSV (RFC 4180): {0}"),
    CSV_HEADER(
            "compliance.csv.header",
            "the first line must name the columns {0}, separated by commas (or all by semicolons)"),
    CSV_EMPTY("compliance.csv.empty", "names nobody: there is no line after the header"),
    CSV_TOO_MANY("compliance.csv.too-many", "the file has more than {0} people: that is the most a notice goes to"),
    CSV_TOO_LARGE("compliance.csv.too-large", "the file of {0} bytes is larger than the limit of {1} bytes"),
    CSV_NO_FILE("compliance.csv.no-file", "choose a CSV file with the columns name, e-mail and language"),
    CSV_COLUMNS("compliance.csv.columns", "has {0} columns; a line has {1}: name, e-mail and language"),
    CSV_EMPTY_NAME("compliance.csv.empty-name", "the name is empty"),
    CSV_BAD_NAME("compliance.csv.bad-name", "a name has at most {0} characters and no control characters"),
    CSV_BAD_EMAIL("compliance.csv.bad-email", "''{0}'' is no e-mail address such as someone@example.org"),
    CSV_DUPLICATE_EMAIL("compliance.csv.duplicate-email", "{0} is on line {1} already"),
    CSV_LISTED_EMAIL("compliance.csv.listed-email", "{0} is in the list already"),
    CSV_BAD_LANGUAGE("compliance.csv.bad-language", "''{0}'' is no language of the notices: en or nl"),
    CSV_REFUSED("compliance.csv.refused", "the file cannot be read as a list of people: nothing was imported"),
    CSV_MORE_PROBLEMS("compliance.csv.more-problems", "and {0} more problems that are not listed"),
    CSV_BAD_LINES(
            "compliance.csv.bad-lines",
            "the file has {0} lines with problems and nothing was imported: import the good lines only, or nothing"),
    NOTICE_LIST_FULL(
            "compliance.notice.list-full", "the list would have {0} people, more than the {1} a notice goes to"),
    NOTICE_PEOPLE_PRIVATE(
            "compliance.notice.people-private",
            "only privacy officers see and change the people a notice goes to; you see the counts"),
    NOTICE_LIST_ERASED(
            "compliance.notice.list-erased",
            "the list of people was erased at the end of its retention: only the counts are kept"),
    NOTICE_TEXT_FROZEN(
            "compliance.notice.text-frozen", "the notice is being sent or was sent: its text is frozen as it was sent"),
    NOTICE_NO_PEOPLE("compliance.notice.no-people", "nobody is on the list: import the people first"),
    NOTICE_SENDING_STARTED(
            "compliance.notice.sending-started", "the notice is being sent or was sent: nobody can be added any more"),
    NOTICE_BAD_SUBJECT("compliance.notice.bad-subject", "a subject is one line of 1 to {0} characters"),
    NOTICE_NOT_DATA_SUBJECTS(
            "compliance.notice.not-data-subjects", "the stage {0} is no communication to the people affected"),
    NOTICE_NOT_UNKNOWN(
            "compliance.notice.not-unknown",
            "no delivery {0} of unknown outcome is on the list: only those are settled by hand"),
    EXEMPTION_WITHOUT_HIGH_RISK(
            "compliance.exemption.without-high-risk",
            "an exemption from telling the people applies only to a breach assessed as a high risk"),
    EXEMPTION_AFTER_TELLING(
            "compliance.exemption.after-telling",
            "the people were told, or their notice started sending: no exemption applies any more"),
    EXEMPTION_KEY_UNCONFIRMED(
            "compliance.exemption.key-unconfirmed",
            "confirm that the key was not compromised: data whose key others may hold is not unintelligible to them"),
    YAML_SYNTAX("compliance.file.syntax", "is no valid YAML: {0}"),
    UNREADABLE("compliance.file.unreadable", "cannot be read: {0}"),
    NO_DIRECTORY("compliance.file.no-directory", "is no directory"),
    NOT_A_MAPPING("compliance.file.not-a-mapping", "''{0}'' must be a mapping of names to values"),
    NOT_A_LIST("compliance.file.not-a-list", "''{0}'' must be a list"),
    NOT_TEXT("compliance.file.not-text", "''{0}'' must be a single value"),
    FIELD_MISSING("compliance.file.field-missing", "lacks the field ''{0}''"),
    UNKNOWN_FIELD("compliance.file.unknown-field", "has a field ''{0}'' that is not one of {1}"),
    FIELD_TWICE("compliance.file.field-twice", "has the field ''{0}'' twice"),
    EMPTY_LIST("compliance.file.empty-list", "''{0}'' must name at least one"),
    BAD_ID("compliance.file.bad-id", "''{0}'' is no id: lower-case letters, digits and hyphens"),
    ID_TWICE("compliance.file.id-twice", "the id ''{0}'' is used twice"),
    BAD_VALUE("compliance.file.bad-value", "''{0}'' is no valid {1}"),
    UNKNOWN_CLOCK_KIND("compliance.file.unknown-clock-kind", "''{0}'' is no clock kind; the kinds are {1}"),
    UNKNOWN_FACT(
            "compliance.file.unknown-fact", "''{0}'' is neither a trigger of the regime nor a stage''s submission"),
    UNKNOWN_TRIGGER("compliance.file.unknown-trigger", "''{0}'' is no trigger of the regime"),
    UNUSED_TRIGGER("compliance.file.unused-trigger", "no stage starts from or counts from the trigger ''{0}''"),
    REGIME_TWICE("compliance.file.regime-twice", "the regime ''{0}'' is also defined by {1}");

    private final String code;
    private final String template;

    ComplianceRefusals(String code, String template) {
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
