package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signing key sealed for the database opens only with the key of its seal file and only under its own id; the seal
 * file is made readable by its owner only; a key stored in the clear from before still opens.
 */
class SigningKeySealTest {

    @TempDir
    Path directory;

    @Test
    void aSealedKeyOpensUnderItsOwnIdWithTheSameSealFileOnly() throws Exception {
        Path file = directory.resolve("keys/signing-keys.seal");
        SigningKeySeal seal = seal(file);
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();

        String stored = seal.seal(key);

        assertThat(stored).doesNotContain(key.getD().toString()).doesNotContain("\"d\"");
        assertThat(SigningKeySeal.isClear(stored)).isFalse();
        assertThat(seal.open("k1", stored)).isEqualTo(key);
        assertThat(seal(file).open("k1", stored)).as("the same file read again").isEqualTo(key);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> seal.open("k2", stored)).hasMessageContaining("k2");
        assertThatThrownBy(() -> seal(directory.resolve("other.seal")).open("k1", stored))
                .hasMessageContaining("key-seal-file");
        assertThat(seal.open("k1", key.toJSONString()))
                .as("stored in the clear before")
                .isEqualTo(key);
    }

    @Test
    void aSealFileThatHoldsNoKeyStopsTheStartWithTheReason() throws Exception {
        Path file = directory.resolve("broken.seal");
        Files.writeString(file, "not a key");
        assertThatThrownBy(() -> seal(file)).hasMessageContaining("does not hold a 256-bit key");
    }

    private static SigningKeySeal seal(Path file) {
        return new SigningKeySeal(
                new FederationSettings(null, null, false, null, null, null, null, 0, null, null, 0, null, null, file));
    }
}
