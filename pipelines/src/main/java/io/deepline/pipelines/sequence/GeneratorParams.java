package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.param.Validators;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Params;

/** Params only {@link SequenceGenerator} and its model have. */
final class GeneratorParams {
    private GeneratorParams() {
    }

    static IntParam maxOutputLength(Params owner) {
        return new IntParam(owner, "maxOutputLength", "longest generated sequence, > 0; token generation stops"
                + " earlier at the end token, value sequences are always this long (default 50)",
                Validators.positiveInt());
    }
}
