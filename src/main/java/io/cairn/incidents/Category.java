package io.cairn.incidents;

import jakarta.validation.constraints.Size;

/**
 * What kind of incident it is, as an ENISA Reference Security Incident Taxonomy (RSIT) class and type, for example
 * {@code fraud} / {@code phishing}. Both are needed: a body that leaves one out or null is refused naming the
 * category.
 */
public record Category(
        @Size(max = 80) String rsitClass, @Size(max = 80) String rsitType) {

    public static final Category UNDETERMINED = new Category("other", "undetermined");

    @SuppressWarnings("ConstantConditions") // a request body may hold null, whatever the annotations say
    public Category {
        if (rsitClass == null || rsitType == null) {
            throw new IllegalArgumentException("needs both rsitClass and rsitType, such as {\"rsitClass\": "
                    + "\"fraud\", \"rsitType\": \"phishing\"}");
        }
    }

    /** The category as a MISP machine tag, for example {@code rsit:fraud="phishing"}. */
    public String machineTag() {
        return "rsit:" + rsitClass + "=\"" + rsitType + "\"";
    }
}
