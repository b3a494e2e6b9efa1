package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The validator's own check of a sealed provenance entry decides exactly as the schema's pattern does. */
class SchemaPatternsTest {

    private static final Pattern JWE = Pattern.compile(SchemaPatterns.JWE_COMPACT);
    private static final Pattern BASE64URL = Pattern.compile(SchemaPatterns.BASE64URL);

    @Test
    void checksThePatternsTheServedSchemaGivesASealedEntry() throws IOException {
        try (InputStream schema = new ClassPathResource(ExchangeSchema.RESOURCE).getInputStream()) {
            tools.jackson.databind.JsonNode tree = ExchangeJson.MAPPER.readTree(schema);
            assertThat(tree.at("/$defs/base64url/pattern").asString()).isEqualTo(SchemaPatterns.BASE64URL);
            String pattern = tree.at("/$defs/incident/properties/provenance/properties/sealed/oneOf/0/pattern")
                    .asString();
            assertThat(pattern).isEqualTo(SchemaPatterns.JWE_COMPACT);
        }
    }

    @Test
    void acceptsACompactJweWithOrWithoutAnEncryptedKeyAndNothingElse() {
        assertThat(SchemaPatterns.isJweCompact("eyJh.a2V5.aXY.Y2lwaGVy.dGFn")).isTrue();
        assertThat(SchemaPatterns.isJweCompact("eyJh..aXY.Y2lwaGVy.dGFn")).isTrue();
        assertThat(SchemaPatterns.isJweCompact("eyJh.a2V5.aXY.Y2lwaGVy")).isFalse();
        assertThat(SchemaPatterns.isJweCompact("eyJh.a2V5.aXY.Y2lwaGVy.dGFn.")).isFalse();
        assertThat(SchemaPatterns.isJweCompact(".a2V5.aXY.Y2lwaGVy.dGFn")).isFalse();
        assertThat(SchemaPatterns.isJweCompact("eyJh.a2V5.aXY.Y2lw+GVy.dGFn")).isFalse();
        assertThat(SchemaPatterns.isJweCompact("")).isFalse();
    }

    @Test
    void refusesATrailingLineBreakAsJsonSchemaPatternsDoUnlikeTheJavaRuntime() {
        // ECMA-262's $ matches only at the end; the Java runtime's also before a final line break
        assertThat(JWE.matcher("eyJh.a2V5.aXY.Y2lwaGVy.dGFn\n").find()).isTrue();
        assertThat(SchemaPatterns.isJweCompact("eyJh.a2V5.aXY.Y2lwaGVy.dGFn\n")).isFalse();
    }

    @Property(tries = 3000)
    void decidesAsTheRegularExpression(@ForAll("nearlyJwe") String text) {
        assertThat(SchemaPatterns.isJweCompact(text))
                .isEqualTo(JWE.matcher(text).find());
    }

    @Provide
    Arbitrary<String> nearlyJwe() {
        return Arbitraries.strings().withChars("Aa0_-.+/ =").ofMinLength(0).ofMaxLength(16);
    }

    @Test
    void leavesTheOtherPatternsToTheJavaRuntimeUnanchoredAsJsonSchemaMeansThem() {
        SchemaPatterns patterns = new SchemaPatterns();
        assertThat(patterns.getRegularExpression("^[0-9a-f]{64}$").matches("a".repeat(64)))
                .isTrue();
        assertThat(patterns.getRegularExpression("[0-9]+").matches("abc123")).isTrue();
        assertThat(patterns.getRegularExpression("^[0-9]+$").matches("abc123")).isFalse();
        assertThat(patterns.getRegularExpression("^https?://[^\\s/?#@]+$").matches("https://peer.example\n"))
                .isFalse();
        assertThat(patterns.getRegularExpression("^a\\$").matches("a$")).isTrue();
    }
}
