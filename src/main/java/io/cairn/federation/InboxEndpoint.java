package io.cairn.federation;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox, {@code POST /federation/v1/inbox}: a provider peer pushes one signed message (its JWS as the body,
 * {@code application/jose}), authenticated by the bearer JWT of {@link FederationSecurity}. Only provider peers may;
 * a body over the limit is refused before it is read whole. The answer, given only after the transaction that stored
 * the message committed, says whether it was accepted (stored, to be applied right after, apart) or a duplicate of one
 * received before; every refusal is a problem naming the field or check that failed. The signed request's id is
 * remembered in that transaction: a request used before is refused as a replay then, storing nothing.
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
        if (!isJose(request.getContentType())) {
            throw new RefusedException(Refusal.invalid("Content-Type", FederationRefusals.INBOX_CONTENT_TYPE));
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InboxLoad.Receiving receiving = load.receiving()) {
            byte[] body;
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes((int) maxBodyBytes + 1);
            }
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            MessageReceipts.Receipt receipt = messages.receive(
                            new String(body, StandardCharsets.US_ASCII).trim(), peer, signedRequest(request))
                    .orRefuse();
            if (receipt.outcome().equals(MessageReceipts.Receipt.REPLAYED)) {
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(FederationSecurity.problem(
                                HttpStatus.UNAUTHORIZED, "peer-unauthenticated", PeerRequestVerifier.REPLAY));
            }
            return ResponseEntity.ok(receipt);
        }
    }

    /** The id of the push's signed request, which the security filter left to be remembered with the message. */
    private static SeenRequests.Request signedRequest(HttpServletRequest request) {
        if (request.getAttribute(FederationSecurity.UNREMEMBERED_REQUEST) instanceof SeenRequests.Request signed) {
            return signed;
        }
        throw new IllegalStateException("a push reaches the inbox only through the peers' security filter");
    }

    private RefusedException tooLarge() {
        return new RefusedException(
                Refusal.tooLarge("jws", FederationRefusals.JWS_TOO_LARGE, String.valueOf(maxBodyBytes)));
    }

    private static boolean isJose(@org.jspecify.annotations.Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return JOSE.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
