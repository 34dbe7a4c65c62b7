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

    /**
     * This error as one about {@code file}: an error that names the file already is returned as it is;
     * another gets the file before its message and {@code hint} in place of its own (which spoke of a
     * key to set, not of where the file came from).
     */
    public JclasException about(java.nio.file.Path file, String hint) {
        return getMessage().contains(file.toString()) ? this : new JclasException(file + ": " + getMessage(), hint, this);
    }

    /** Message and hint on one line, as the CLI prints it. */
    public String oneLine() {
        return hint.isEmpty() ? getMessage() : getMessage() + " (" + hint + ")";
    }
}
