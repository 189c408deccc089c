package io.deepline.pipelines.text;

import java.util.Locale;

/** The {@code handleUnknown} choices of {@link TokenIndexer}: what to do with a token not in the vocabulary. */
public enum UnknownTokens {
    /** Map it to {@link ReservedTokens#UNKNOWN_ID}. */
    KEEP,
    /** Drop it from the sequence. */
    SKIP,
    /** Fail, naming the token and the column. */
    ERROR;

    /** The Param value, as MLlib spells its handleInvalid values. */
    public String paramValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a (validated) Param value, ignoring case and blanks. */
    public static UnknownTokens of(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
