package io.deepline.pipelines.sequence;

import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The column Params of one non-{@code Predictor} sequence stage, owned by it; exposed through {@link ColumnParams}.
 * The docs differ by stage (what the columns hold), the names and defaults do not.
 */
public final class ColumnParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> featuresCol;
    final Param<String> labelCol;
    final Param<String> predictionCol;

    /** The tagger's three column Params for {@code owner}; call from its constructor once the uid is set. */
    static ColumnParamSet forTagger(Params owner) {
        return new ColumnParamSet(owner,
                "sequence column: array<array<double>>, array<int> token ids or array<double>",
                "per-step class labels: array<double> of 0-based classes, as long as the sequence",
                "output column: array<double> of predicted classes, one per step");
    }

    /** The generator's three column Params for {@code owner}. */
    static ColumnParamSet forGenerator(Params owner) {
        return new ColumnParamSet(owner, "Vector column the sequences are generated from",
                "target sequences: array<int> token ids (vocabularySize set) or array<double> values",
                "output column: the generated array<int> token ids or array<double> values");
    }

    /** The encoder-decoder's three column Params for {@code owner}. */
    static ColumnParamSet forSeq2Seq(Params owner) {
        return new ColumnParamSet(owner, "source token ids: array<int>", "target token ids: array<int> (a leading"
                + " begin id is dropped, an end id appended when missing)",
                "output column: the decoded array<int> token ids");
    }

    private ColumnParamSet(Params owner, String features, String label, String prediction) {
        featuresCol = new Param<>(owner, "featuresCol", features + " (default features)",
                Validators.of(v -> !((String) v).isEmpty()));
        labelCol = new Param<>(owner, "labelCol", label + " (default label)",
                Validators.of(v -> !((String) v).isEmpty()));
        predictionCol = new Param<>(owner, "predictionCol", prediction + " (default prediction)",
                Validators.of(v -> !((String) v).isEmpty()));
    }
}
