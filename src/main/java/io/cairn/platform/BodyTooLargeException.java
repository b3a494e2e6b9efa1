package io.cairn.platform;

import java.io.IOException;
import java.io.Serial;

/** A request body grew past the limit while it was being read. */
class BodyTooLargeException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
    }
}
