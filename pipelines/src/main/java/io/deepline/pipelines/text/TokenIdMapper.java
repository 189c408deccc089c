package io.deepline.pipelines.text;

import io.deepline.pipelines.core.interop.ScalaCollections;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.api.java.UDF1;

/**
 * The executor side of {@link TokenIndexerModel#transform}: one row's tokens to ids, looked up in the
 * broadcast word-to-id map. A null token array gives null; a null token counts as unknown.
 */
final class TokenIdMapper implements UDF1<Object, int[]> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<Map<String, Integer>> ids;
    private final UnknownTokens unknown;
    private final boolean addBeginEnd;
    private final String column;

    TokenIdMapper(Broadcast<Map<String, Integer>> ids, UnknownTokens unknown, boolean addBeginEnd, String column) {
        this.ids = ids;
        this.unknown = unknown;
        this.addBeginEnd = addBeginEnd;
        this.column = column;
    }

    @Override
    public int[] call(Object value) {
        if (value == null) {
            return null;
        }
        List<String> tokens = ScalaCollections.arrayValue(value);
        Map<String, Integer> vocabulary = ids.value();
        int n = tokens.size();
        int[] out = new int[n + (addBeginEnd ? 2 : 0)];
        int size = 0;
        if (addBeginEnd) {
            out[size++] = ReservedTokens.BEGIN_ID;
        }
        for (int i = 0; i < n; i++) {
            String token = tokens.get(i);
            Integer id = token == null ? null : vocabulary.get(token);
            if (id != null) {
                out[size++] = id;
            } else if (unknown == UnknownTokens.KEEP) {
                out[size++] = ReservedTokens.UNKNOWN_ID;
            } else if (unknown == UnknownTokens.ERROR) {
                throw new IllegalArgumentException("the token " + (token == null ? "null" : "'" + token + "'")
                        + " at position " + i + " of the column '" + column + "' is not in the vocabulary of "
                        + vocabulary.size() + " words; set handleUnknown to keep (map it to the unknown id "
                        + ReservedTokens.UNKNOWN_ID + ") or skip (drop it), or refit on data that contains it");
            }
            // SKIP: leave it out.
        }
        if (addBeginEnd) {
            out[size++] = ReservedTokens.END_ID;
        }
        return size == out.length ? out : java.util.Arrays.copyOf(out, size);
    }
}
