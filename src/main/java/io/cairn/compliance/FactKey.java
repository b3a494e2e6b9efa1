package io.cairn.compliance;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names a regime fact of an incident: the regime and its trigger, written {@code gdpr.awareness}.
 *
 * @param regime the regime's id
 * @param trigger the trigger's id in the regime
 */
public record FactKey(String regime, String trigger) {

    private static final Pattern FORM = Pattern.compile("([a-z0-9][a-z0-9-]{0,63})\\.([a-z0-9][a-z0-9-]{0,63})");

    /** The controller's record that its processor told it of the breach (GDPR-9), the default for its awareness. */
    static final FactKey PROCESSOR_NOTIFIED_US = new FactKey("gdpr", "processor-notified-us");

    public FactKey {
        if (!FORM.matcher(regime + "." + trigger).matches()) {
            throw new IllegalArgumentException("a fact is named regime.trigger: " + regime + "." + trigger);
        }
    }

    /** The fact the text names, or empty when it has not the form {@code regime.trigger}. */
    public static Optional<FactKey> parse(String text) {
        var matcher = FORM.matcher(text);
        return matcher.matches() ? Optional.of(new FactKey(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return regime + "." + trigger;
    }
}
