package io.deepline.pipelines.core.param;

import io.deepline.models.spec.LearningRateSchedule;
import io.deepline.models.spec.UpdaterKind;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
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
    final DoubleParam adamBeta1;
    final DoubleParam adamBeta2;
    final DoubleParam adamEpsilon;
    final DoubleParam gradientNormStop;
    final BooleanParam gradientDiagnostics;
    final Param<String> lrSchedule;
    final DoubleParam lrDecay;
    final IntParam lrDecayEpochs;
    final IntParam batchSize;
    final IntParam maxEpochs;
    final LongParam seed;
    final IntParam numWorkers;
    final IntParam averagingFrequency;
    final IntParam inferenceBatchSize;
    final Param<String> weightCol;
    final DoubleParam validationFraction;
    final Param<String> validationIndicatorCol;
    final IntParam earlyStoppingPatience;
    final DoubleParam earlyStoppingMinDelta;
    final Param<String> checkpointDir;
    final IntParam checkpointInterval;
    final Param<String> checkpointMode;
    final DoubleParam divergenceFactor;
    final Param<String> syncMode;
    final IntParam maxEpochRetries;

    public TrainingParamSet(Params owner) {
        updater = new Param<>(owner, "updater",
                "optimizer: " + String.join(", ", UpdaterKind.names()) + " (default adam)",
                Validators.oneOfIgnoringCase(UpdaterKind.names()));
        learningRate = new DoubleParam(owner, "learningRate", "step size of the optimizer, > 0 (default 0.001)",
                Validators.positiveFinite());
        momentum = new DoubleParam(owner, "momentum",
                "momentum β in [0, 1) of the momentum updaters (nesterovs) (default 0.9)",
                Validators.probabilityBelowOne());
        adamBeta1 = new DoubleParam(owner, "adamBeta1",
                "adam: decay β1 in [0, 1) of the first-moment (mean) estimate of the gradient (default 0.9)",
                Validators.probabilityBelowOne());
        adamBeta2 = new DoubleParam(owner, "adamBeta2",
                "adam: decay β2 in [0, 1) of the second-moment (uncentered variance) estimate (default 0.999)",
                Validators.probabilityBelowOne());
        adamEpsilon = new DoubleParam(owner, "adamEpsilon",
                "adam: ε > 0 added to the square root of the bias-corrected second moment (default 1e-8)",
                Validators.positiveFinite());
        gradientNormStop = new DoubleParam(owner, "gradientNormStop",
                "stop when an epoch's gradient norm, the L2 norm of the mean over the epoch's mini-batches (all"
                        + " workers) of the training-loss gradient without the L2 penalty, falls below this;"
                        + " recorded per epoch in the history while on; 0 = off, else > 0 (default 0)",
                Validators.nonNegativeFinite());
        gradientDiagnostics = new BooleanParam(owner, "gradientDiagnostics",
                "record per epoch in the history the gradient norm of each layer (gradientNorm.<layer>) and the"
                        + " share of dead units of each hidden ReLU layer (deadUnits.<layer>), to diagnose vanishing"
                        + " or exploding gradients and dead ReLUs (default false)");
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
        weightCol = new Param<>(owner, "weightCol",
                "numeric column of per-row weights >= 0 for the loss, scaled to mean 1 over the training rows;"
                        + " unset or empty: every row weighs 1 (see ClassWeights.balanced)",
                Validators.of(v -> true));
        validationFraction = new DoubleParam(owner, "validationFraction",
                "fraction in [0, 1) of the rows held out (seeded random split) to measure validation loss and"
                        + " metric after every epoch; 0 = none (default 0)",
                Validators.of(v -> ((Number) v).doubleValue() >= 0 && ((Number) v).doubleValue() < 1));
        validationIndicatorCol = new Param<>(owner, "validationIndicatorCol",
                "boolean column: true marks a validation row, false a training row (as MLlib's GBT);"
                        + " excludes validationFraction; unset or empty: none",
                Validators.of(v -> true));
        earlyStoppingPatience = new IntParam(owner, "earlyStoppingPatience",
                "stop after this many epochs without the validation loss improving by more than"
                        + " earlyStoppingMinDelta, then restore the best epoch's params; 0 = never stop early"
                        + " (default 0; needs validation data)",
                Validators.of(v -> ((Number) v).intValue() >= 0));
        earlyStoppingMinDelta = new DoubleParam(owner, "earlyStoppingMinDelta",
                "smallest decrease of the validation loss that counts as an improvement, >= 0 (default 0)",
                Validators.nonNegativeFinite());
        checkpointDir = new Param<>(owner, "checkpointDir",
                "Hadoop directory (any file system) for training checkpoints: params, optimizer state, epoch and"
                        + " history, written atomically; a fit whose directory holds a checkpoint of the same"
                        + " params and data resumes from it; empty = no checkpoints (default empty)",
                Validators.of(v -> true));
        checkpointInterval = new IntParam(owner, "checkpointInterval",
                "epochs between two checkpoints, >= 1; the last epoch is always checkpointed (default 1)",
                Validators.positiveInt());
        checkpointMode = new Param<>(owner, "checkpointMode",
                "resume: continue from the checkpoint in checkpointDir, refusing one of other params or data with"
                        + " an error; overwrite: ignore any checkpoint there, train from scratch and replace it"
                        + " (default resume)",
                Validators.oneOfIgnoringCase("resume", "overwrite"));
        divergenceFactor = new DoubleParam(owner, "divergenceFactor",
                "divergence guard: the fit fails when the last epoch's mean training loss exceeds divergenceFactor"
                        + " × the start loss (the untrained network's, on the first mini-batches); with early stopping only the kept (best) epoch is judged, at the end, by its"
                        + " training and its validation loss; nothing is judged when the start loss is <= 0;"
                        + " 0 = off, else > 1 (default 3)",
                Validators.zeroOrAboveOne());
        syncMode = new Param<>(owner, "syncMode",
                "how the workers average: collective (the workers of an epoch run together in one Spark barrier"
                        + " stage and average with each other directly), jobs (one Spark job per averaging round,"
                        + " averaged on the driver), or auto: collective when numWorkers > 1, dynamic allocation is"
                        + " off and enough task slots are free, else jobs; both give the same params"
                        + " (default auto)",
                Validators.oneOfIgnoringCase("auto", "collective", "jobs"));
        maxEpochRetries = new IntParam(owner, "maxEpochRetries",
                "collective mode: times a failed epoch (a lost executor, a timed-out peer) is retried from its"
                        + " start before the fit goes on in jobs mode, >= 0 (default 3)",
                Validators.of(v -> ((Number) v).intValue() >= 0));
    }
}
