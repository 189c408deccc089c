package io.deepline.pipelines.classification.perceptron;

import io.deepline.pipelines.core.param.Validators;
import java.io.Serializable;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of the perceptron, owned by one stage; exposed through {@link HasPerceptronParams}.
 *
 * <p>Not the shared {@code TrainingParamSet}: most of its Params (updater, learning rate, batch size ...) mean
 * nothing to the perceptron rule, and a stage must not carry Params it ignores.
 */
public final class PerceptronParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final IntParam maxIter;
    final LongParam seed;
    final IntParam numWorkers;

    public PerceptronParamSet(Params owner) {
        maxIter = new IntParam(owner, "maxIter",
                "maximum number of epochs (passes of the perceptron rule over the data); training stops earlier once"
                        + " an epoch makes no mistake, > 0 (default 100)",
                Validators.positiveInt());
        seed = new LongParam(owner, "seed", "seed of the per-epoch shuffling of each worker's rows (default 42)",
                Validators.of(v -> true));
        numWorkers = new IntParam(owner, "numWorkers",
                "data-parallel workers (Spark partitions, each running the rule on its share before the weights are"
                        + " averaged), > 0 (default: Spark's default parallelism)",
                Validators.positiveInt());
    }
}
