package io.deepline.pipelines.sequence;

import io.deepline.models.spec.TransformerPooling;
import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of a Transformer classifier, owned by one stage: its sequence input
 * ({@link SequenceInputParamSet#transformer}), the stack's sizes ({@link TransformerParamSet}) and the pooling;
 * exposed through {@link HasTransformerClassifierParams}.
 */
public final class TransformerClassifierParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final SequenceInputParamSet input;
    final TransformerParamSet transformer;
    final Param<String> pooling;

    public TransformerClassifierParamSet(Params owner) {
        input = SequenceInputParamSet.transformer(owner);
        transformer = new TransformerParamSet(owner);
        pooling = new Param<>(owner, "pooling", "how the encoder's outputs become one vector per sequence: mean (over"
                + " the real steps) or cls (the output at a learned [CLS] step prepended to every sequence)"
                + " (default mean)", Validators.oneOfIgnoringCase(TransformerPooling.names()));
    }
}
