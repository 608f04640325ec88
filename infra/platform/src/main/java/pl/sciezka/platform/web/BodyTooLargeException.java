package pl.sciezka.platform.web;

import java.io.IOException;

/** Thrown while reading a body that turns out larger than the limit, when no Content-Length said so up front. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
