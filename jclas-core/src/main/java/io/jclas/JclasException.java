package io.jclas;

/**
 * The one error type for user mistakes: a one-line message that names the problem, and a hint that
 * names the fix. The CLI prints {@code message} and {@code hint} and exits with code 2; the HTTP
 * service answers 4xx with both as JSON.
 */
public class JclasException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public JclasException(String message, String hint) {
        this(message, hint, null);
    }

    public JclasException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint == null ? "" : hint;
    }

    /** What the user should do about it; may be empty. */
    public String getHint() {
        return hint;
    }

    /** Message and hint on one line, as the CLI prints it. */
    public String oneLine() {
        return hint.isEmpty() ? getMessage() : getMessage() + " (" + hint + ")";
    }
}
