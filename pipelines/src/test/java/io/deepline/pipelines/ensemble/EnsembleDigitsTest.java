package io.deepline.pipelines.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.classification.DeepClassifier;
import io.deepline.pipelines.eval.ClassificationReport;
import io.deepline.pipelines.testing.DataSamples;
import io.deepline.pipelines.testing.SparkSessionExtension;
import org.apache.spark.ml.Model;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The course's claim for ensembling (§3.3: "overfit models often overfit in different ways"), on digits8x8:
 * five small MLPs that differ only in seed, soft-voted, have a held-out log-loss no worse than the members' mean.
 */
@ExtendWith(SparkSessionExtension.class)
class EnsembleDigitsTest {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleDigitsTest.class);

    /** The report reads the scored rows twice (confusion counts, log-loss), so they are cached meanwhile. */
    private static ClassificationReport report(Model<?> model, Dataset<Row> test) {
        Dataset<Row> scored = model.transform(test).cache();
        try {
            return ClassificationReport.of(scored, "label", "prediction", "probability", 10);
        } finally {
            scored.unpersist(false);
        }
    }

    @Test
    void softVotingHasAHeldOutLogLossNoWorseThanTheMembersMean(SparkSession spark) {
        Dataset<Row>[] split = DataSamples.digits(spark).randomSplit(new double[] {0.8, 0.2}, 42);
        Dataset<Row> train = split[0].cache();
        Dataset<Row> test = split[1].cache();
        EnsembleModel ensemble = new EnsembleEstimator(new DeepClassifier().setHiddenLayers(new int[] {16})
                .setMaxEpochs(3).setBatchSize(32).setLearningRate(0.01).setNumWorkers(2))
                .setNumMembers(5).setSeed(3).setVoting("soft").fit(train);
        assertEquals(10, ensemble.numClasses());

        double memberSum = 0;
        double best = Double.POSITIVE_INFINITY;
        for (Model<?> member : ensemble.members()) {
            double logLoss = report(member, test).logLoss().getAsDouble();
            memberSum += logLoss;
            best = Math.min(best, logLoss);
        }
        double membersMean = memberSum / ensemble.numMembers();
        ClassificationReport ensembleReport = report(ensemble, test);
        double ensembleLogLoss = ensembleReport.logLoss().getAsDouble();
        LOG.info("digits held-out log-loss: ensemble {}, members' mean {}, best member {}; ensemble accuracy {}",
                ensembleLogLoss, membersMean, best, ensembleReport.accuracy());
        assertTrue(ensembleLogLoss <= membersMean, "ensemble log-loss " + ensembleLogLoss + " > members' mean "
                + membersMean);
        assertTrue(ensembleReport.accuracy() > 0.8, "ensemble accuracy " + ensembleReport.accuracy());
    }
}
