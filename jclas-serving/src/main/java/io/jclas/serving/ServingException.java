package io.jclas.serving;

import io.jclas.JclasException;

/** A request the service refuses: the HTTP status to answer with, plus the usual message and hint. */
public class ServingException extends JclasException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public ServingException(int status, String message, String hint) {
        this(status, message, hint, null);
    }

    public ServingException(int status, String message, String hint, Throwable cause) {
        super(message, hint, cause);
        this.status = status;
    }

    /** The HTTP status code of the answer (4xx for the client's mistakes, 503 when the service cannot answer). */
    public int status() {
        return status;
    }
}
