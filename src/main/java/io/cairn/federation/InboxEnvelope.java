package io.cairn.federation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An envelope of messages a provider pushes at once, {@code {"messages": [jws, ...]}}: at most {@value #MAX_MESSAGES}
 * messages and {@value #MAX_BYTES} bytes, each message a compact JWS as the inbox takes one alone. Read strictly: an
 * envelope with another member, no message, too many or one that is no string is refused whole, naming the place.
 */
final class InboxEnvelope {

    /** The most messages in one envelope. */
    static final int MAX_MESSAGES = 100;
    /** The largest envelope read, in bytes; a message too large to share one is pushed alone. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private static final String MESSAGES = "messages";

    private InboxEnvelope() {}

    /** The envelope's messages, in their order, or why it is refused. */
    static Outcome<List<String>> read(byte[] body) {
        JsonNode envelope;
        try {
            envelope = ExchangeJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return unreadable();
        }
        if (envelope == null || !envelope.isObject() || envelope.size() != 1 || !envelope.has(MESSAGES)) {
            return unreadable();
        }
        JsonNode messages = envelope.get(MESSAGES);
        if (!messages.isArray()) {
            return unreadable();
        }
        if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            return Outcome.refused(
                    Refusal.invalid("/messages", FederationRefusals.ENVELOPE_SIZE, String.valueOf(MAX_MESSAGES)));
        }
        List<String> jws = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isString() || message.asString().isBlank()) {
                return Outcome.refused(Refusal.invalid("/messages/" + i, FederationRefusals.ENVELOPE_NOT_A_JWS));
            }
            jws.add(message.asString().trim());
        }
        return Outcome.done(jws);
    }

    /** The envelope of these messages, as a pusher sends it. */
    static byte[] of(List<String> jws) {
        return ExchangeJson.MAPPER.writeValueAsBytes(Map.of(MESSAGES, jws));
    }

    private static Outcome<List<String>> unreadable() {
        return Outcome.refused(Refusal.invalid("body", FederationRefusals.ENVELOPE_UNREADABLE));
    }

    /** The inbox's answer to an envelope: each message's receipt, in the envelope's order. */
    record Answer(List<Receipt> receipts) {

        Answer {
            receipts = List.copyOf(receipts);
        }

        static Answer of(List<Outcome<MessageReceipts.Receipt>> outcomes) {
            List<Receipt> receipts = new ArrayList<>(outcomes.size());
            for (int i = 0; i < outcomes.size(); i++) {
                receipts.add(
                        outcomes.get(i) instanceof Outcome.Done<MessageReceipts.Receipt> done
                                ? new Receipt(
                                        i,
                                        done.value().messageId(),
                                        done.value().outcome(),
                                        null,
                                        null,
                                        null)
                                : Receipt.refused(i, ((Outcome.Refused<?>) outcomes.get(i)).refusal()));
            }
            return new Answer(receipts);
        }
    }

    /**
     * What became of one message of an envelope.
     *
     * @param index its place in the envelope, from 0
     * @param messageId its id, when it was read
     * @param outcome accepted, duplicate, or refused
     * @param status for a refused message, the HTTP status the inbox answers when it is pushed alone
     * @param field for a refused message, the field or check that failed
     * @param reason for a refused message, why
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Receipt(
            int index,
            @Nullable UUID messageId,
            String outcome,
            @Nullable Integer status,
            @Nullable String field,
            @Nullable String reason) {

        /** A message refused. */
        static final String REFUSED = "refused";

        static Receipt refused(int index, Refusal refusal) {
            return new Receipt(
                    index,
                    null,
                    REFUSED,
                    refusal.kind().status(),
                    refusal.fields().size() == 1 ? refusal.fields().get(0).field() : null,
                    refusal.fields().size() == 1 ? refusal.fields().get(0).message() : refusal.message());
        }
    }
}
