package io.cairn.federation;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox, {@code POST /federation/v1/inbox}: a provider peer pushes one signed message (its JWS as the body,
 * {@code application/jose}), authenticated by the bearer JWT of {@link FederationSecurity}. Only provider peers may;
 * a body over the limit is refused before it is read whole. The answer, given only after the transaction that stored
 * the message committed, says whether it was accepted (stored, to be applied right after, apart) or a duplicate of one
 * received before; every refusal is a problem naming the field or check that failed.
 */
@RestController
class InboxEndpoint {

    static final MediaType JOSE = MediaType.parseMediaType("application/jose");

    private final ProviderMessages messages;
    private final long maxBodyBytes;

    InboxEndpoint(ProviderMessages messages, FederationSettings settings) {
        this.messages = messages;
        // the compact JWS of a payload at the limit: base64url of it, the header and the signature
        this.maxBodyBytes = settings.maxMessageBytes().toBytes() / 3 * 4 + 8192;
    }

    @PostMapping("/federation/v1/inbox")
    MessageReceipts.Receipt receive(@AuthenticationPrincipal PeerView peer, HttpServletRequest request)
            throws IOException {
        if (!"provider".equals(peer.role())) {
            throw new RefusedException(Refusal.forbidden(FederationRefusals.NOT_AN_ACTIVE_PROVIDER, peer.role()));
        }
        if (!isJose(request.getContentType())) {
            throw new RefusedException(Refusal.invalid("Content-Type", FederationRefusals.INBOX_CONTENT_TYPE));
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        Outcome<MessageReceipts.Receipt> receipt =
                messages.receive(new String(body, StandardCharsets.US_ASCII).trim(), peer, ReceivedMessages.Via.PUSH);
        return receipt.orRefuse();
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
