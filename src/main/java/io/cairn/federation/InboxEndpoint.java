package io.cairn.federation;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox, {@code POST /federation/v1/inbox}: a provider peer pushes one signed message (its JWS as the body,
 * {@code application/jose}) or an envelope of them ({@link InboxEnvelope}, {@code application/json}), authenticated by
 * the bearer JWT of {@link FederationSecurity}. Only provider peers may; a body over the limit is refused before it is
 * read whole. The answer, given only after the transaction that stored the messages committed, says of each whether it
 * was accepted (stored, to be applied right after, apart) or a duplicate of one received before; a message pushed
 * alone that is refused is a problem naming the field or check that failed, one in an envelope is refused in its
 * receipt while the others are stored. The signed request's id is remembered in that transaction: a request used
 * before is refused as a replay then, storing nothing.
 */
@RestController
class InboxEndpoint {

    static final MediaType JOSE = MediaType.parseMediaType("application/jose");

    private final ProviderMessages messages;
    private final InboxLoad load;
    private final long maxBodyBytes;

    InboxEndpoint(ProviderMessages messages, InboxLoad load, FederationSettings settings) {
        this.messages = messages;
        this.load = load;
        // the compact JWS of a payload at the limit: base64url of it, the header and the signature
        this.maxBodyBytes = settings.maxMessageBytes().toBytes() / 3 * 4 + 8192;
    }

    @PostMapping(FederationSecurity.INBOX)
    ResponseEntity<?> receive(@AuthenticationPrincipal PeerView peer, HttpServletRequest request) throws IOException {
        if (!"provider".equals(peer.role())) {
            throw new RefusedException(Refusal.forbidden(FederationRefusals.NOT_AN_ACTIVE_PROVIDER, peer.role()));
        }
        boolean envelope = is(MediaType.APPLICATION_JSON, request.getContentType());
        if (!envelope && !is(JOSE, request.getContentType())) {
            throw new RefusedException(
                    Refusal.unsupportedMediaType("Content-Type", FederationRefusals.INBOX_CONTENT_TYPE));
        }
        try (InboxLoad.Receiving receiving = load.receiving()) {
            return envelope
                    ? receiveEnvelope(
                            peer,
                            request,
                            body(request, InboxEnvelope.MAX_BYTES, "body", FederationRefusals.ENVELOPE_TOO_LARGE))
                    : receiveOne(peer, request, body(request, maxBodyBytes, "jws", FederationRefusals.JWS_TOO_LARGE));
        }
    }

    private ResponseEntity<?> receiveOne(PeerView peer, HttpServletRequest request, byte[] body) {
        MessageReceipts.Receipt receipt = messages.receive(
                        new String(body, StandardCharsets.US_ASCII).trim(), peer, signedRequest(request))
                .orRefuse();
        return receipt.outcome().equals(MessageReceipts.Receipt.REPLAYED) ? replayed() : ResponseEntity.ok(receipt);
    }

    private ResponseEntity<?> receiveEnvelope(PeerView peer, HttpServletRequest request, byte[] body) {
        List<Outcome<MessageReceipts.Receipt>> outcomes =
                messages.receiveAll(InboxEnvelope.read(body).orRefuse(), peer, signedRequest(request));
        boolean replayed = outcomes.stream()
                .anyMatch(outcome -> outcome instanceof Outcome.Done<MessageReceipts.Receipt> done
                        && done.value().outcome().equals(MessageReceipts.Receipt.REPLAYED));
        return replayed ? replayed() : ResponseEntity.ok(InboxEnvelope.Answer.of(outcomes));
    }

    /** The body, refused as too large for the field when it is over the limit, before it is read whole. */
    private static byte[] body(HttpServletRequest request, long limit, String field, FederationRefusals tooLarge)
            throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit, field, tooLarge);
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) limit + 1);
        }
        if (body.length > limit) {
            throw tooLarge(limit, field, tooLarge);
        }
        return body;
    }

    private static ResponseEntity<?> replayed() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(FederationSecurity.problem(
                        HttpStatus.UNAUTHORIZED, "peer-unauthenticated", PeerRequestVerifier.REPLAY));
    }

    /** The id of the push's signed request, which the security filter left to be remembered with the message. */
    private static SeenRequests.Request signedRequest(HttpServletRequest request) {
        if (request.getAttribute(FederationSecurity.UNREMEMBERED_REQUEST) instanceof SeenRequests.Request signed) {
            return signed;
        }
        throw new IllegalStateException("a push reaches the inbox only through the peers' security filter");
    }

    private static RefusedException tooLarge(long limit, String field, FederationRefusals reason) {
        return new RefusedException(Refusal.tooLarge(field, reason, String.valueOf(limit)));
    }

    private static boolean is(MediaType type, @org.jspecify.annotations.Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return type.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
