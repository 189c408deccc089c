package io.deepline.pipelines.sequence;

import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.core.data.sequence.SequenceInput;
import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import java.math.BigDecimal;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of a sequence input and of the network-wide regularisation and initialisation, owned by one
 * stage; exposed through {@link HasSequenceInputParams}. Recurrent and Transformer stages create them here, so they
 * share names, validators and wording; only what dropout drops, its default and what {@code weightInit auto} means
 * depend on the architecture ({@link #recurrent}, {@link #transformer}).
 */
public final class SequenceInputParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final DoubleParam dropout;
    final DoubleParam l2;
    final Param<String> weightInit;
    final IntParam vocabularySize;
    final IntParam maxSequenceLength;
    final Param<String> truncate;
    final BooleanParam sortByLength;
    final double defaultDropout;

    private SequenceInputParamSet(Params owner, String dropoutTarget, double defaultDropout, String autoInit) {
        this.defaultDropout = defaultDropout;
        dropout = new DoubleParam(owner, "dropout", "probability of dropping a unit of " + dropoutTarget
                + " while training, in [0, 1) (default " + BigDecimal.valueOf(defaultDropout).stripTrailingZeros()
                .toPlainString() + ")", Validators.probabilityBelowOne());
        l2 = new DoubleParam(owner, "l2", "weight decay λ >= 0 of the penalty λ·Σ‖W‖² on the weights (default 0)",
                Validators.nonNegativeFinite());
        weightInit = new Param<>(owner, "weightInit", "initial weights: xavier, he or auto (" + autoInit + ")"
                + " (default auto)", Validators.oneOfIgnoringCase(WeightInitScheme.names()));
        vocabularySize = new IntParam(owner, "vocabularySize", "for token-id (array<int>) features: the number of"
                + " ids, ids being 0..vocabularySize-1 (e.g. TokenIndexerModel.vocabularySize()); 0 for numeric"
                + " sequences (default 0)", Validators.of(v -> ((Number) v).intValue() >= 0
                && ((Number) v).intValue() <= SequenceInput.MAX_VOCABULARY_SIZE));
        maxSequenceLength = new IntParam(owner, "maxSequenceLength", "longer sequences are cut to this many steps"
                + " (see truncate); 0 = no limit (default 0)", Validators.of(v -> ((Number) v).intValue() >= 0));
        truncate = new Param<>(owner, "truncate", "which steps a cut keeps: head (the first maxSequenceLength) or"
                + " tail (the last) (default head)", Validators.oneOfIgnoringCase("head", "tail"));
        sortByLength = new BooleanParam(owner, "sortByLength", "batch sequences of similar length together (within"
                + " windows of a few shuffled batches), so less padding is computed (default true)");
    }

    /** For recurrent stages: dropout (default 0) on the recurrent layers' outputs. */
    public static SequenceInputParamSet recurrent(Params owner) {
        return new SequenceInputParamSet(owner, "a recurrent layer's output (between layers and before the output"
                + " layer)", 0.0, "xavier, for the tanh of recurrent cells");
    }

    /** For Transformer stages: dropout (default 0.1, Vaswani et al.) on the embeddings and sub-layer outputs. */
    public static SequenceInputParamSet transformer(Params owner) {
        return new SequenceInputParamSet(owner, "the embeddings and of every sub-layer's output (before its residual"
                + " sum)", 0.1, "he for the ReLU feed-forward layers, xavier for the rest");
    }
}
