package io.deepline.pipelines.core.data;

import java.util.Optional;

/**
 * The data given to a fit cannot be used as it is: empty, a single class, labels out of range, ragged vectors,
 * NaN or infinite values. The fix is in the data, not in the code or the Params, and the message says what it is.
 *
 * <p>It is an {@link IllegalArgumentException}, the stages' documented contract for bad input, so callers need not
 * know it; a caller that reports failures (the {@code deepline} command line) can tell a problem with the user's
 * data from a fault in the software by this type, through any wrapping exceptions.
 */
public class InvalidDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first {@code InvalidDataException} in {@code t}'s cause chain ({@code t} itself included), if any. */
    public static Optional<InvalidDataException> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InvalidDataException data) {
                return Optional.of(data);
            }
        }
        return Optional.empty();
    }
}
