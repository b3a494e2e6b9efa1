package io.cairn.federation;

import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import java.util.List;

/**
 * Opens a received message as a receiver must: the JWS verified with the signer's keys, its payload valid by the
 * schema and the format's rules, and the message neither expired nor issued in the future. The first check that fails
 * is the reason; nothing is trusted before the signature is.
 */
final class ExchangeReading {

    private final ExchangeValidator validator;
    private final long maxBytes;

    ExchangeReading(long maxBytes) {
        this.validator = new ExchangeValidator(maxBytes);
        this.maxBytes = maxBytes;
    }

    Outcome<ExchangeMessage> open(String jws, JWKSet signerKeys, Instant now) {
        return ExchangeSignatures.verify(jws, signerKeys, maxBytes)
                .flatMap(validator::read)
                .flatMap(message -> {
                    List<Refusal.FieldProblem> problems = ExchangeRules.timeliness(message, now);
                    return problems.isEmpty()
                            ? Outcome.done(message)
                            : Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
                });
    }
}
