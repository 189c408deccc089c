package io.deepline.pipelines.param;

import io.deepline.models.spec.LearningRateSchedule;
import io.deepline.models.spec.UpdaterKind;
import java.io.Serializable;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The Param objects of distributed training and batched inference, owned by one stage; exposed through
 * {@link HasTrainingParams}.
 */
public final class TrainingParamSet implements Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> updater;
    final DoubleParam learningRate;
    final DoubleParam momentum;
    final Param<String> lrSchedule;
    final DoubleParam lrDecay;
    final IntParam lrDecayEpochs;
    final IntParam batchSize;
    final IntParam maxEpochs;
    final LongParam seed;
    final IntParam numWorkers;
    final IntParam averagingFrequency;
    final IntParam inferenceBatchSize;

    public TrainingParamSet(Params owner) {
        updater = new Param<>(owner, "updater",
                "optimizer: " + String.join(", ", UpdaterKind.names()) + " (default adam)",
                Validators.oneOfIgnoringCase(UpdaterKind.names()));
        learningRate = new DoubleParam(owner, "learningRate", "step size of the optimizer, > 0 (default 0.001)",
                Validators.positiveFinite());
        momentum = new DoubleParam(owner, "momentum",
                "momentum β in [0, 1) of the momentum updaters (nesterovs) (default 0.9)",
                Validators.probabilityBelowOne());
        lrSchedule = new Param<>(owner, "lrSchedule",
                "learning-rate decay by epoch: none, step (α·lrDecay^⌊epoch/lrDecayEpochs⌋) or exponential"
                        + " (α·lrDecay^epoch) (default none)",
                Validators.oneOfIgnoringCase(LearningRateSchedule.names()));
        lrDecay = new DoubleParam(owner, "lrDecay", "decay factor γ of lrSchedule, in (0, 1] (default 0.5)",
                Validators.of(v -> ((Number) v).doubleValue() > 0 && ((Number) v).doubleValue() <= 1));
        lrDecayEpochs = new IntParam(owner, "lrDecayEpochs", "epochs between decays of a step schedule, > 0"
                + " (default 10)", Validators.positiveInt());
        batchSize = new IntParam(owner, "batchSize", "examples per mini-batch on each worker, > 0 (default 32)",
                Validators.positiveInt());
        maxEpochs = new IntParam(owner, "maxEpochs", "passes over the training data, > 0 (default 10)",
                Validators.positiveInt());
        seed = new LongParam(owner, "seed",
                "seed of weight initialisation, dropout, and data shuffling (default 42)",
                Validators.of(v -> true));
        numWorkers = new IntParam(owner, "numWorkers",
                "data-parallel workers (Spark partitions trained at once), > 0 (default: Spark's default parallelism)",
                Validators.positiveInt());
        averagingFrequency = new IntParam(owner, "averagingFrequency",
                "mini-batches each worker fits between two parameter averages, > 0 (default 5)",
                Validators.positiveInt());
        inferenceBatchSize = new IntParam(owner, "inferenceBatchSize",
                "rows scored together by transform, > 0 (default 256)", Validators.positiveInt());
    }
}
