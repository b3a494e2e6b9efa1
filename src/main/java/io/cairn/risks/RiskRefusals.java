package io.cairn.risks;

import io.cairn.shared.Refusal;

/** The reasons for which the risk register refuses a command. */
enum RiskRefusals implements Refusal.Reason {
    ONLY_READERS_READ("risks.only-readers-read", "only coordinators, admins and auditors read the risk register"),
    ONLY_COORDINATORS_CHANGE("risks.only-coordinators-change", "only coordinators and admins change the risk register"),
    NOT_A_LEVEL("risks.not-a-level", "''{0}'' is not one of {1}"),
    RESIDUAL_PAIR(
            "risks.residual-pair", "give both the residual likelihood and the residual impact, or neither of them"),
    NOT_ANTICIPATED("risks.not-anticipated", "only an anticipated risk can materialize"),
    ALREADY_CLOSED("risks.already-closed", "the risk is closed already"),
    NOT_CLOSED("risks.not-closed", "only a closed risk can be reopened"),
    END_BEFORE_START("risks.end-before-start", "must not lie before the start"),
    TREND_TOO_LONG("risks.trend-too-long", "a trend spans at most {0} months"),
    NOT_A_DAY("risks.not-a-day", "must be a day such as 2026-05-31");

    private final String code;
    private final String template;

    RiskRefusals(String code, String template) {
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
