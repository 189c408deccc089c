package io.deepline.jobs.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deepline.pipelines.classification.DeepClassifier;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.junit.jupiter.api.Test;

/** The default tune.parallelism: the task slots over the workers each candidate's fit takes. */
class TuneParallelismTest {

    @Test
    void slotsOverTheLargestNumWorkersOfAnyCandidateAtLeastOne() {
        DeepClassifier clf = new DeepClassifier().setNumWorkers(2);
        ParamMap[] plain = new ParamGridBuilder().addGrid(clf.learningRate(), new double[] {0.1, 0.01}).build();
        assertEquals(2, TuneParallelism.workersPerFit(clf, plain, 8));
        assertEquals(4, TuneParallelism.of(8, 2));
        assertEquals(1, TuneParallelism.of(2, 2), "2 cores, 2 workers a fit: one candidate at a time");
        assertEquals(1, TuneParallelism.of(2, 3), "never 0");

        ParamMap[] varying = new ParamGridBuilder().addGrid(clf.numWorkers(), new int[] {1, 3}).build();
        assertEquals(3, TuneParallelism.workersPerFit(clf, varying, 8), "the grid's largest numWorkers");
        DeepClassifier unset = new DeepClassifier();
        assertEquals(8, TuneParallelism.workersPerFit(unset, plain, 8), "unset numWorkers: all slots");
        assertEquals(8, TuneParallelism.workersPerFit(new StandardScaler(), new ParamMap[] {new ParamMap()}, 8),
                "an estimator without numWorkers is taken to use every slot");
    }
}
