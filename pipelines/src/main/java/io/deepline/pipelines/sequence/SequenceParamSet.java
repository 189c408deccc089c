package io.deepline.pipelines.sequence;

import io.deepline.models.spec.RecurrentCell;
import io.deepline.models.spec.WeightInitScheme;
import io.deepline.pipelines.data.sequence.SequenceInput;
import io.deepline.pipelines.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of a recurrent network and of its sequence input, owned by one stage; exposed through
 * {@link HasSequenceParams}.
 */
public final class SequenceParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> cell;
    final IntParam hiddenSize;
    final IntParam numLayers;
    final BooleanParam bidirectional;
    final DoubleParam dropout;
    final DoubleParam l2;
    final Param<String> weightInit;
    final IntParam vocabularySize;
    final IntParam embeddingSize;
    final IntParam maxSequenceLength;
    final Param<String> truncate;
    final BooleanParam sortByLength;

    public SequenceParamSet(Params owner) {
        cell = new Param<>(owner, "cell", "recurrent cell: rnn (simple recurrence), lstm or gru (default lstm)",
                Validators.oneOfIgnoringCase(RecurrentCell.names()));
        hiddenSize = new IntParam(owner, "hiddenSize", "units of each recurrent layer (per direction), > 0"
                + " (default 32)", Validators.positiveInt());
        numLayers = new IntParam(owner, "numLayers", "stacked recurrent layers, > 0 (default 1)",
                Validators.positiveInt());
        bidirectional = new BooleanParam(owner, "bidirectional", "each recurrent layer reads the sequence both ways"
                + " and concatenates the two states; rnn and gru only (default false)");
        dropout = new DoubleParam(owner, "dropout", "probability of dropping a unit of a recurrent layer's output"
                + " (between layers and before the output layer) while training, in [0, 1) (default 0)",
                Validators.probabilityBelowOne());
        l2 = new DoubleParam(owner, "l2", "weight decay λ >= 0 of the penalty λ·Σ‖W‖² on the weights (default 0)",
                Validators.nonNegativeFinite());
        weightInit = new Param<>(owner, "weightInit", "initial weights: xavier, he or auto (xavier, for the tanh of"
                + " recurrent cells) (default auto)", Validators.oneOfIgnoringCase(WeightInitScheme.names()));
        vocabularySize = new IntParam(owner, "vocabularySize", "for token-id (array<int>) features: the number of"
                + " ids, ids being 0..vocabularySize-1 (e.g. TokenIndexerModel.vocabularySize()); 0 for numeric"
                + " sequences (default 0)", Validators.of(v -> ((Number) v).intValue() >= 0
                && ((Number) v).intValue() <= SequenceInput.MAX_VOCABULARY_SIZE));
        embeddingSize = new IntParam(owner, "embeddingSize", "dimension of the learned token embeddings (token-id"
                + " features only), > 0 (default 32)", Validators.positiveInt());
        maxSequenceLength = new IntParam(owner, "maxSequenceLength", "longer sequences are cut to this many steps"
                + " (see truncate); 0 = no limit (default 0)", Validators.of(v -> ((Number) v).intValue() >= 0));
        truncate = new Param<>(owner, "truncate", "which steps a cut keeps: head (the first maxSequenceLength) or"
                + " tail (the last) (default head)", Validators.oneOfIgnoringCase("head", "tail"));
        sortByLength = new BooleanParam(owner, "sortByLength", "batch sequences of similar length together (within"
                + " windows of a few shuffled batches), so less padding is computed (default true)");
    }
}
