package io.cairn.incidents;

import io.cairn.shared.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The observable types, as data: those shipped in {@code observables/types.json} and those an admin adds in a file
 * of the same shape named by {@code cairn.observables.extra-types}. A shipped type names a built-in check, which
 * also normalises the value; a type added as data gives a regular expression the whole value must match and a
 * maximum length. The alert types of earlier versions are codes of this list, so stored alerts read as before.
 */
@Component
class ObservableTypes {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** The built-in checks by the name the types file gives them. */
    private static final Map<String, UnaryOperator<Outcome<String>>> CHECKS = Map.ofEntries(
            Map.entry("ipv4", o -> o.flatMap(ObservableValues::ipv4)),
            Map.entry("ipv6", o -> o.flatMap(ObservableValues::ipv6)),
            Map.entry("domain", o -> o.flatMap(ObservableValues::domain)),
            Map.entry("hostname", o -> o.flatMap(ObservableValues::hostname)),
            Map.entry("url", o -> o.flatMap(ObservableValues::url)),
            Map.entry("email", o -> o.flatMap(ObservableValues::email)),
            Map.entry("file-name", o -> o.flatMap(ObservableValues::fileName)),
            Map.entry("md5", o -> o.flatMap(v -> ObservableValues.hash(v, "MD5", 32))),
            Map.entry("sha1", o -> o.flatMap(v -> ObservableValues.hash(v, "SHA-1", 40))),
            Map.entry("sha256", o -> o.flatMap(v -> ObservableValues.hash(v, "SHA-256", 64))),
            Map.entry("sha512", o -> o.flatMap(v -> ObservableValues.hash(v, "SHA-512", 128))),
            Map.entry("mac", o -> o.flatMap(ObservableValues::mac)),
            Map.entry("asn", o -> o.flatMap(ObservableValues::asn)),
            Map.entry("text", UnaryOperator.identity()));

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    ObservableTypes(@Value("${cairn.observables.extra-types:}") String extraTypes) {
        try (InputStream shipped = ObservableTypes.class.getResourceAsStream("/observables/types.json")) {
            if (shipped == null) {
                throw new IllegalStateException("observables/types.json is missing from the classpath");
            }
            read(json.readTree(shipped), "observables/types.json");
            if (!extraTypes.isBlank()) {
                Path file = Path.of(extraTypes.strip());
                read(json.readTree(Files.readString(file)), file.toString());
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read the observable types: " + unreadable.getMessage(), unreadable);
        }
    }

    /** The shipped types and those of a types file given as JSON, as an admin adds them. */
    static ObservableTypes shippedAnd(String typesJson) {
        ObservableTypes types = new ObservableTypes("");
        types.read(json.readTree(typesJson), "the given types");
        return types;
    }

    /** One type and how its values are checked. */
    private record Kind(ObservableType type, int maxLength, UnaryOperator<Outcome<String>> check) {}

    private void read(JsonNode file, String source) {
        for (JsonNode entry : file.path("types")) {
            String code = entry.path("code").asString("");
            if (!CODE.matcher(code).matches() || kinds.containsKey(code)) {
                throw new IllegalStateException(source + ": '" + code + "' is not a new type code of a-z, 0-9, -");
            }
            ObservableType type = new ObservableType(
                    code, entry.path("en").asString(code), entry.path("nl").asString(code));
            int maxLength =
                    Math.min(entry.path("maxLength").asInt(ObservableValues.MAX_LENGTH), ObservableValues.MAX_LENGTH);
            kinds.put(code, new Kind(type, maxLength, check(entry, source, code)));
        }
    }

    private static UnaryOperator<Outcome<String>> check(JsonNode entry, String source, String code) {
        if (entry.has("validator")) {
            UnaryOperator<Outcome<String>> check =
                    CHECKS.get(entry.path("validator").asString(""));
            if (check == null) {
                throw new IllegalStateException(
                        source + ": type " + code + " names no known validator; known: " + CHECKS.keySet());
            }
            return check;
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(entry.path("pattern").asString(""));
        } catch (PatternSyntaxException bad) {
            throw new IllegalStateException(source + ": type " + code + " has no valid pattern: " + bad.getMessage());
        }
        if (pattern.pattern().isEmpty()) {
            throw new IllegalStateException(source + ": type " + code + " needs a validator or a pattern");
        }
        String label = entry.path("en").asString(code);
        return o -> o.flatMap(value -> pattern.matcher(value).matches()
                ? Outcome.done(value)
                : ObservableValues.refused(ObservableRefusals.NOT_OF_PATTERN, label));
    }

    /** Every type, in the order of the lists. */
    List<ObservableType> all() {
        return kinds.values().stream().map(Kind::type).toList();
    }

    /** The type of this code, whatever its case. */
    Optional<ObservableType> find(String code) {
        return Optional.ofNullable(kinds.get(code.strip().toLowerCase(Locale.ROOT)))
                .map(Kind::type);
    }

    /** The codes of every type, for a refusal that names them. */
    String codes() {
        return String.join(", ", new ArrayList<>(kinds.keySet()));
    }

    /**
     * The value checked and normalised as a value of the type: refused, naming {@code value}, when it is none; an
     * unknown type is refused naming {@code type}.
     */
    Outcome<String> normalise(String type, String value) {
        Kind kind = kinds.get(type.strip().toLowerCase(Locale.ROOT));
        if (kind == null) {
            return Outcome.refused(
                    io.cairn.shared.Refusal.invalid("type", ObservableRefusals.UNKNOWN_TYPE, type, codes()));
        }
        return kind.check()
                .apply(ObservableValues.common(
                        value, kind.maxLength(), kind.type().english()));
    }
}
