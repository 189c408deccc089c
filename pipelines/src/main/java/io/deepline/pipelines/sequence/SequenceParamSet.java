package io.deepline.pipelines.sequence;

import io.deepline.models.spec.RecurrentCell;
import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of a recurrent network and of its sequence input ({@link SequenceInputParamSet#recurrent}),
 * owned by one stage; exposed through {@link HasSequenceParams}.
 */
public final class SequenceParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> cell;
    final IntParam hiddenSize;
    final IntParam numLayers;
    final BooleanParam bidirectional;
    final IntParam embeddingSize;
    final SequenceInputParamSet input;

    public SequenceParamSet(Params owner) {
        cell = new Param<>(owner, "cell", "recurrent cell: rnn (simple recurrence), lstm or gru (default lstm)",
                Validators.oneOfIgnoringCase(RecurrentCell.names()));
        hiddenSize = new IntParam(owner, "hiddenSize", "units of each recurrent layer (per direction), > 0"
                + " (default 32)", Validators.positiveInt());
        numLayers = new IntParam(owner, "numLayers", "stacked recurrent layers, > 0 (default 1)",
                Validators.positiveInt());
        bidirectional = new BooleanParam(owner, "bidirectional", "each recurrent layer reads the sequence both ways"
                + " and concatenates the two states; rnn and gru only (default false)");
        embeddingSize = new IntParam(owner, "embeddingSize", "dimension of the learned token embeddings (token-id"
                + " features only), > 0 (default 32)", Validators.positiveInt());
        input = SequenceInputParamSet.recurrent(owner);
    }
}
