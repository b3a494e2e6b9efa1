package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every observable type checks its values strictly and gives each in one normal form, so that one indicator written
 * two ways is one observable; a refusal names the field {@code value} and says what a value of the type is.
 */
class ObservableTypesTest {

    private static final ObservableTypes types = new ObservableTypes("");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ipv4-addr | 192.0.2.1 | 192.0.2.1",
                "ipv4-addr | ' 10.0.0.255 ' | 10.0.0.255",
                "ipv4-addr | 0.0.0.0 | 0.0.0.0",
                "ipv6-addr | 2001:DB8:0:0:0:0:0:1 | 2001:db8::1",
                "ipv6-addr | 2001:db8:0:0:1:0:0:1 | 2001:db8::1:0:0:1",
                "ipv6-addr | 0:0:0:0:0:0:0:1 | ::1",
                "ipv6-addr | :: | ::",
                "ipv6-addr | 2001:db8:1:1:1:1:1:0 | 2001:db8:1:1:1:1:1:0",
                "ipv6-addr | fe80:0:0:0:1:0:0:0 | fe80::1:0:0:0",
                "domain-name | Example.ORG | example.org",
                "domain-name | example.org. | example.org",
                "domain-name | bücher.example | xn--bcher-kva.example",
                "domain-name | _dmarc.example.com | _dmarc.example.com",
                "hostname | MAIL01 | mail01",
                "hostname | mail-01.corp.example | mail-01.corp.example",
                "url | HTTPS://Example.ORG/Login?a=B#x | https://example.org/Login?a=B#x",
                "url | http://user@bücher.example:8080/pad | http://user@xn--bcher-kva.example:8080/pad",
                "url | ftp://192.0.2.1/file.txt | ftp://192.0.2.1/file.txt",
                "url | http://[2001:DB8::0:1]/ | http://[2001:db8::1]/",
                "email-addr | Alice.Smith@Example.ORG | Alice.Smith@example.org",
                "email-addr | o'brien+tag@mail.example | o'brien+tag@mail.example",
                "file-name | invoice.pdf.exe | invoice.pdf.exe",
                "file-md5 | D41D8CD98F00B204E9800998ECF8427E | d41d8cd98f00b204e9800998ecf8427e",
                "file-sha1 | da39a3ee5e6b4b0d3255bfef95601890afd80709 | da39a3ee5e6b4b0d3255bfef95601890afd80709",
                "mac-addr | 00-1A-2B-3C-4D-5E | 00:1a:2b:3c:4d:5e",
                "mac-addr | 001a.2b3c.4d5e | 00:1a:2b:3c:4d:5e",
                "autonomous-system | as64500 | AS64500",
                "autonomous-system | 4294967295 | AS4294967295",
                "user-account | CORP\\jdoe | CORP\\jdoe",
                "process | powershell.exe -enc AAAA | powershell.exe -enc AAAA",
                "FILE-SHA256 | "
                        + "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | "
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            })
    void normalisesAValueOfItsType(String type, String value, String normal) {
        assertThat(types.normalise(type, value)).isEqualTo(Outcome.done(normal));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ipv4-addr | 192.168.001.1 | IPv4 address",
                "ipv4-addr | 256.1.1.1 | IPv4 address",
                "ipv4-addr | 10.0.0.0/8 | network range",
                "ipv4-addr | 10.0.0 | IPv4 address",
                "ipv4-addr | example.org | IPv4 address",
                "ipv6-addr | 2001:db8::1/64 | IPv6 address",
                "ipv6-addr | fe80::1%eth0 | IPv6 address",
                "ipv6-addr | localhost | IPv6 address",
                "ipv6-addr | 2001:db8:::1 | IPv6 address",
                "ipv6-addr | 1.2.3.4 | IPv6 address",
                "ipv6-addr | ::ffff:192.0.2.1 | 192.0.2.1",
                "domain-name | example | domain name",
                "domain-name | -bad.example | domain name",
                "domain-name | exa mple.org | domain name",
                "domain-name | 192.0.2.1 | domain name",
                "domain-name | a..example | domain name",
                "hostname | under_score.example | host name",
                "url | example.org/login | URL",
                "url | javascript:alert(1) | URL",
                "url | file:///etc/passwd | URL",
                "url | http:///nohost | URL",
                "url | http://exa mple.org/ | URL",
                "url | http://example.org:99999/ | URL",
                "email-addr | no-at-sign.example | e-mail address",
                "email-addr | alice@localhost | e-mail address",
                "email-addr | \"quoted\"@example.org | e-mail address",
                "email-addr | a..b@example.org | e-mail address",
                "file-name | ../etc/passwd | file name",
                "file-name | C:\\temp\\x.exe | file name",
                "file-name | .. | file name",
                "file-md5 | d41d8cd98f00b204e9800998ecf8427 | 32 hexadecimal",
                "file-sha1 | zz39a3ee5e6b4b0d3255bfef95601890afd80709 | 40 hexadecimal",
                "file-sha256 | e3b0c442 | 64 hexadecimal",
                "file-sha512 | abc | 128 hexadecimal",
                "mac-addr | 00:1a:2b:3c:4d | MAC address",
                "autonomous-system | AS4294967296 | autonomous system",
                "autonomous-system | ASX | autonomous system",
                "other | '   ' | blank",
            })
    void refusesWhatIsNoValueOfItsTypeNamingTheValue(String type, String value, String saying) {
        Outcome<String> checked = types.normalise(type, value);

        assertThat(checked).isInstanceOf(Outcome.Refused.class);
        Refusal refusal = ((Outcome.Refused<String>) checked).refusal();
        assertThat(refusal.fields()).extracting(Refusal.FieldProblem::field).containsExactly("value");
        assertThat(refusal.message()).contains(saying);
    }

    @Test
    void refusesControlCharactersAndValuesLongerThanTwoThousandCharacters() {
        assertThat(types.normalise("user-account", "jdoe\u0000")).isInstanceOf(Outcome.Refused.class);
        assertThat(types.normalise("file-name", "a\u0007.txt")).isInstanceOf(Outcome.Refused.class);
        assertThat(types.normalise("other", "x".repeat(2_001))).isInstanceOf(Outcome.Refused.class);
        assertThat(types.normalise("url", "https://example.org/" + "a".repeat(2_000)))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(types.normalise("file-name", "a".repeat(256))).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void refusesAnUnknownTypeNamingTheTypeAndTheKnownOnes() {
        Refusal refusal = ((Outcome.Refused<String>) types.normalise("smell", "x")).refusal();

        assertThat(refusal.fields()).extracting(Refusal.FieldProblem::field).containsExactly("type");
        assertThat(refusal.message()).contains("ipv4-addr", "file-sha256", "other");
    }

    @Test
    void acceptsTheTypeCodesAlertsAlwaysCarried() {
        for (String code : new String[] {
            "ipv4-addr",
            "ipv6-addr",
            "domain-name",
            "url",
            "email-addr",
            "file-sha256",
            "hostname",
            "user-account",
            "process",
            "other"
        }) {
            assertThat(types.find(code)).as(code).isPresent();
        }
    }

    @Test
    void anAdminAddsATypeAsDataWithAPatternAndAMaximumLength() {
        ObservableTypes extended = ObservableTypes.shippedAnd("""
                {"types": [{"code": "cve", "en": "CVE id", "nl": "CVE-nummer",
                            "pattern": "CVE-\\\\d{4}-\\\\d{4,7}", "maxLength": 20}]}""");

        assertThat(extended.normalise("cve", " CVE-2024-3094 ")).isEqualTo(Outcome.done("CVE-2024-3094"));
        assertThat(((Outcome.Refused<String>) extended.normalise("cve", "CVE-24-1"))
                        .refusal()
                        .message())
                .contains("is not a valid CVE id");
        assertThat(extended.find("cve").orElseThrow().dutch()).isEqualTo("CVE-nummer");
        assertThatThrownBy(() -> ObservableTypes.shippedAnd("{\"types\": [{\"code\": \"url\", \"pattern\": \"x\"}]}"))
                .hasMessageContaining("'url'");
    }

    /** Every normal form is a fixed point, and any dotted quad's normal form reads back as the same four numbers. */
    @Test
    void aNormalValueIsItsOwnNormalForm() {
        Random random = new Random(20261203);
        for (int i = 0; i < 2_000; i++) {
            int[] parts = {random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256)};
            String quad = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
            assertThat(types.normalise("ipv4-addr", quad)).isEqualTo(Outcome.done(quad));
            StringBuilder v6 = new StringBuilder();
            for (int g = 0; g < 8; g++) {
                v6.append(g == 0 ? "" : ":")
                        .append(random.nextInt(4) == 0 ? "0" : Integer.toHexString(random.nextInt(65_536)));
            }
            String normal = ((Outcome.Done<String>) types.normalise("ipv6-addr", v6.toString())).value();
            assertThat(types.normalise("ipv6-addr", normal)).isEqualTo(Outcome.done(normal));
            assertThat(normal).doesNotContain(":::").isEqualTo(normal.toLowerCase(java.util.Locale.ROOT));
            String hash = Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                    .repeat(4)
                    .toUpperCase(java.util.Locale.ROOT);
            assertThat(types.normalise("file-sha256", hash))
                    .isEqualTo(Outcome.done(hash.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /** Random text is never a value of a strict type unless it is one, and is never refused with a crash. */
    @Test
    void randomTextIsRefusedAsAValueNeverWithAnException() {
        Random random = new Random(7);
        String alphabet = "abcXYZ019.:-_/@[]%#?&=\\ \u00fc\u0000\u200b";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(30); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            for (ObservableType type : types.all()) {
                Outcome<String> checked = types.normalise(type.code(), text.toString());
                if (checked instanceof Outcome.Done<String> done) {
                    assertThat(types.normalise(type.code(), done.value()))
                            .as(type.code() + " " + text)
                            .isEqualTo(checked);
                }
            }
        }
    }
}
