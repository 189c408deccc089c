package io.deepline.pipelines.classification;

import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/** The Params only classifiers have; exposed through {@link HasClassifierParams}. */
public final class ClassifierParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> binaryOutput;

    public ClassifierParamSet(Params owner) {
        binaryOutput = new Param<>(owner, "binaryOutput",
                "output layer for 2 classes: softmax (two units, cross-entropy) or sigmoid (one unit, binary"
                        + " cross-entropy, course eq. 13); probability and rawPrediction have 2 entries either way"
                        + " (default softmax)",
                Validators.oneOfIgnoringCase("softmax", "sigmoid"));
    }
}
