package io.cairn.incidents;

/**
 * What kind of incident it is, as an ENISA Reference Security Incident Taxonomy (RSIT) class and type, for example
 * {@code fraud} / {@code phishing}.
 */
public record Category(String rsitClass, String rsitType) {

    public static final Category UNDETERMINED = new Category("other", "undetermined");

    /** The category as a MISP machine tag, for example {@code rsit:fraud="phishing"}. */
    public String machineTag() {
        return "rsit:" + rsitClass + "=\"" + rsitType + "\"";
    }
}
