package io.cairn.assets;

import io.cairn.shared.Refusal;

/** The reasons for which the assets module refuses a command: of the device registry and of services. */
enum AssetRefusals implements Refusal.Reason {
    EMPTY_FILE(
            "asset.empty-file", "is empty; the first line must name the columns name,kind,identifier[,holder,since]"),
    MISSING_COLUMN(
            "asset.missing-column",
            "the header has no column ''{0}''; it must name name,kind,identifier[,holder,since]"),
    LINES_HAVE_PROBLEMS(
            "asset.lines-have-problems", "{0} line(s) of the file have problems; nothing was imported: {1}"),
    ALREADY_REGISTERED("asset.already-registered", "is already registered"),
    NO_FILE("asset.no-file", "choose a CSV file first"),
    NAME_WITH_CONTROL_CHARACTERS("asset.name-with-control-characters", "must not contain control characters"),
    NOT_A_SERVICE("asset.not-a-service", "{0} is not a service of this organisation"),
    SERVICE_RETIRED("asset.service-retired", "{0} is retired; a retired service cannot be newly named"),
    DEPENDENCY_CYCLE("asset.dependency-cycle", "would make a cycle: {0}"),
    TOO_MANY_SERVICES("asset.too-many-services", "must name at most {0} services"),
    NO_PROVIDER_REGISTERED("asset.no-provider-registered", "no provider is registered"),
    PROVIDER_SERVICE_NOT_OFFERED(
            "asset.provider-service-not-offered", "peer {0} offers no service {1}; choose one a provider offers"),
    PROVIDER_BOTH_WAYS("asset.provider-both-ways", "give a provider service or clear it, not both");

    private final String code;
    private final String template;

    AssetRefusals(String code, String template) {
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
