package io.cairn.assets;

import io.cairn.shared.Refusal;

/** The reasons for which the assets module refuses a command. */
enum AssetRefusals implements Refusal.Reason {
    EMPTY_FILE(
            "asset.empty-file", "is empty; the first line must name the columns name,kind,identifier[,holder,since]"),
    MISSING_COLUMN(
            "asset.missing-column",
            "the header has no column ''{0}''; it must name name,kind,identifier[,holder,since]"),
    LINES_HAVE_PROBLEMS(
            "asset.lines-have-problems", "{0} line(s) of the file have problems; nothing was imported: {1}"),
    ALREADY_REGISTERED("asset.already-registered", "is already registered"),
    NO_FILE("asset.no-file", "choose a CSV file first");

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
