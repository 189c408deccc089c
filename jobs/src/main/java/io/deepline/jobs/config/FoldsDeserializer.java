package io.deepline.jobs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.deepline.pipelines.tools.selection.KFoldCrossValidation;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code tune.folds}: an integer k, or {@code n} for leave-one-out (k = the number of rows, course §3.1.1), read as
 * {@link KFoldCrossValidation#LEAVE_ONE_OUT}. The range of k is checked by {@link TuneSection}.
 */
final class FoldsDeserializer extends JsonDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText().trim() : p.getText();
        if (text != null && text.toLowerCase(Locale.ROOT).equals("n")) {
            return KFoldCrossValidation.LEAVE_ONE_OUT;
        }
        // Keyless: Jackson's path (tune.folds) is put in front as the error travels up.
        throw new JobConfigException("", "must be an integer k >= 2 or n (leave-one-out), got '" + text + "'",
                "Use e.g. folds: 5, or folds: n for leave-one-out on at most "
                        + KFoldCrossValidation.MAX_LEAVE_ONE_OUT_ROWS + " rows");
    }
}
