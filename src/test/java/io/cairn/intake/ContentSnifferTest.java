package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Files are typed by what they contain, not by what their sender says they are. */
class ContentSnifferTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void knowsDocumentsImagesArchivesAndPrograms() {
        assertThat(ContentSniffer.sniff(bytes("%PDF-1.7\n..."))).isEqualTo("application/pdf");
        assertThat(ContentSniffer.sniff(bytes("\u0089PNG\r\n\u001a\n...."))).isEqualTo("image/png");
        assertThat(ContentSniffer.sniff(bytes("\u00ff\u00d8\u00ff\u00e0"))).isEqualTo("image/jpeg");
        assertThat(ContentSniffer.sniff(bytes("PK\u0003\u0004...."))).isEqualTo("application/zip");
        assertThat(ContentSniffer.sniff(bytes("MZ\u0090\u0000\u0003")))
                .isEqualTo("application/vnd.microsoft.portable-executable");
        assertThat(ContentSniffer.sniff(bytes("\u007fELF\u0002\u0001"))).isEqualTo("application/x-elf");
    }

    @Test
    void callsWindowsLinuxAndMacExecutablesAndShebangScriptsProgramsButNotDocumentsOrImages() {
        for (String program : new String[] {
            "MZ\u0090\u0000",
            "\u007fELF\u0002",
            "\u00cf\u00fa\u00ed\u00fe\u0007",
            "\u00fe\u00ed\u00fa\u00ce",
            "\u00ca\u00fe\u00ba\u00be",
            "#!/usr/bin/env python3\nprint(1)\n"
        }) {
            assertThat(ContentSniffer.isProgram(ContentSniffer.sniff(bytes(program))))
                    .as(program)
                    .isTrue();
        }
        for (String harmless : new String[] {
            "%PDF-1.7",
            "\u0089PNG\r\n\u001a\n",
            "plain text # not a shebang",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        }) {
            assertThat(ContentSniffer.isProgram(ContentSniffer.sniff(bytes(harmless))))
                    .as(harmless)
                    .isFalse();
        }
    }

    @Test
    void anExecutableNamedLikeADocumentIsStillAnExecutable() {
        assertThat(ContentSniffer.sniff(bytes("MZ this is invoice.pdf"))).isNotEqualTo("application/pdf");
    }

    @Test
    void tellsTextHtmlAndMailApart() throws Exception {
        assertThat(ContentSniffer.sniff("Gewoon tekst, met één accent.\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/plain");
        assertThat(ContentSniffer.sniff(bytes("  <!DOCTYPE html><html></html>")))
                .isEqualTo("text/html");
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress("scammer@evil.example"));
        mail.setSubject("You won");
        mail.setText("Send us your PIN.");
        mail.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        assertThat(ContentSniffer.sniff(raw.toByteArray())).as(raw.toString()).isEqualTo("message/rfc822");
    }

    @Test
    void bytesThatAreNeitherAreJustBytes() {
        assertThat(ContentSniffer.sniff(new byte[] {0, 1, 2, 3, (byte) 0xfe})).isEqualTo("application/octet-stream");
        assertThat(ContentSniffer.sniff(new byte[0])).isEqualTo("text/plain");
    }
}
