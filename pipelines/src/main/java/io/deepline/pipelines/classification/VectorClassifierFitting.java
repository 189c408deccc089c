package io.deepline.pipelines.classification;

import io.deepline.models.spec.OutputHead;
import io.deepline.models.state.NetworkSnapshot;
import io.deepline.pipelines.core.data.ClassLabels;
import io.deepline.pipelines.core.data.ClassificationDataCheck;
import io.deepline.pipelines.core.data.LabelEncoder;
import io.deepline.pipelines.core.data.InputScaleHint;
import io.deepline.pipelines.core.data.LabeledDataProfile;
import io.deepline.pipelines.core.data.TrainingRows;
import io.deepline.pipelines.core.data.WeightCheck;
import io.deepline.pipelines.core.param.HasTrainingParams;
import io.deepline.pipelines.core.persist.Provenance;
import io.deepline.pipelines.core.train.EstimatorTraining;
import io.deepline.pipelines.core.train.FitLabel;
import io.deepline.pipelines.core.train.TrainingHistory;
import io.deepline.pipelines.core.train.TrainingListener;
import io.deepline.pipelines.core.train.TrainingResult;
import io.deepline.pipelines.core.train.ValidationMetric;
import io.deepline.pipelines.core.train.WorkerChoice;
import java.time.Instant;
import java.util.Locale;
import org.apache.spark.ml.param.shared.HasFeaturesCol;
import org.apache.spark.ml.param.shared.HasLabelCol;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fit every classifier of a {@code Vector} features column shares, whatever its network: check the rows,
 * labels and weights, choose the output head, train the network by parameter averaging with the stage's Params,
 * and record the provenance. The stage supplies only its initial network.
 */
public final class VectorClassifierFitting {
    private static final Logger LOG = LoggerFactory.getLogger(VectorClassifierFitting.class);

    private VectorClassifierFitting() {
    }

    /** Builds the network to train, for the data's number of features and the chosen output head. */
    @FunctionalInterface
    public interface InitialNetwork {
        NetworkSnapshot build(int numFeatures, OutputHead head);
    }

    /** What a fit produced, for the model's constructor. */
    public record Fitted(NetworkSnapshot network, int numFeatures, int numClasses, TrainingHistory history,
                         Provenance provenance) {
    }

    /** Trains {@code stage}'s network on {@code dataset}'s features and 0-based class-index labels. */
    public static <S extends HasTrainingParams<S> & HasClassifierParams<S> & HasFeaturesCol & HasLabelCol> Fitted fit(
            S stage, String stageName, Dataset<?> dataset, InitialNetwork network, TrainingListener listener) {
        Instant started = Instant.now();
        TrainingRows rows = TrainingRows.select(dataset, stage.getFeaturesCol(),
                functions.col(stage.getLabelCol()).cast("double"), stage.weightColOrNull(),
                stage.validationIndicatorColOrNull(), stage.getValidationFraction(), stage.getSeed());
        String name = FitLabel.decorate(stageName);
        LOG.info("{}: checking the training rows (one pass: sizes, NaN/Inf, classes)", name);
        long checking = System.nanoTime();
        LabeledDataProfile profile = LabeledDataProfile.of(rows.labeled());
        ClassificationDataCheck.Summary data = ClassificationDataCheck.check(profile, stage.getFeaturesCol(),
                stage.getLabelCol(), ClassLabels.declaredNumClasses(dataset.schema().apply(stage.getLabelCol())));
        LOG.info(String.format(Locale.ROOT, "%s: checked %d rows (%d features, %d classes) in %.1f s", name,
                data.rows(), data.numFeatures(), data.numClasses(), (System.nanoTime() - checking) / 1e9));
        InputScaleHint.warnIfUnscaled(profile, stage.getFeaturesCol(), stageName);
        if (rows.weighted()) {
            WeightCheck.require(profile, stage.weightColOrNull());
        }
        double weightScale = rows.requireNonEmptyAndWeightScale();
        SparkSession spark = dataset.sparkSession();
        int workers = WorkerChoice.resolve(stage, stageName, spark, data.rows());
        boolean sigmoid = useSigmoidOutput(stage, data.numClasses());
        OutputHead head = sigmoid ? OutputHead.bernoulli() : OutputHead.categorical(data.numClasses());
        NetworkSnapshot initial = network.build(data.numFeatures(), head);
        TrainingResult result = EstimatorTraining.run(stage, stageName, rows, weightScale, workers,
                data.numFeatures(), sigmoid ? LabelEncoder.scalar() : LabelEncoder.oneHot(data.numClasses()),
                ValidationMetric.ACCURACY, initial, listener);
        Provenance provenance = Provenance.of(spark, data.rows(), data.classCounts(), workers, stage.getSeed(), started);
        return new Fitted(result.network(), data.numFeatures(), data.numClasses(), result.history(), provenance);
    }

    private static <S extends HasClassifierParams<S> & HasLabelCol> boolean useSigmoidOutput(
            S stage, int numClasses) {
        boolean sigmoid = stage.getBinaryOutput().equals("sigmoid");
        if (sigmoid && numClasses != 2) {
            throw new IllegalArgumentException("binaryOutput=sigmoid needs exactly 2 classes, but the label column '"
                    + stage.getLabelCol() + "' has " + numClasses + "; use binaryOutput=softmax");
        }
        return sigmoid;
    }
}
