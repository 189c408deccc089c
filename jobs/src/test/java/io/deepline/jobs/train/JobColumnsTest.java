package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.InputKind;
import io.deepline.jobs.config.JobConfigException;
import io.deepline.pipelines.core.data.InvalidDataException;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.junit.jupiter.api.Test;

/** A model's data check names the pipeline's internal columns; the job names the keys and the user's columns. */
class JobColumnsTest {

    private static final InputSchema IRIS = new InputSchema("species", true, List.of("sepal_length", "petal_width"),
            false);
    private static final TrainingPipeline STANDARDIZED = new TrainingPipeline(new Pipeline(),
            TrainingPipeline.INDEXED_LABEL, TrainingPipeline.STANDARDIZED_FEATURES, "prediction", null);

    @Test
    void anInternalFeaturesColumnIsExplainedByTheUsersColumns() {
        RuntimeException wrapped = new RuntimeException("Job aborted", new InvalidDataException("the features"
                + " column 'standardizedFeatures' has NaN or infinite values in 3 row(s); impute them"));

        RuntimeException e = JobColumns.explain(wrapped, STANDARDIZED, IRIS);

        JobConfigException named = (JobConfigException) e;
        assertEquals("data.features", named.keyPath());
        assertTrue(named.problem().contains("'standardizedFeatures' (the features made from data.features column(s)"
                + " 'sepal_length', 'petal_width')"), named.problem());
    }

    @Test
    void anIndexedLabelIsExplainedByTheUsersLabel() {
        InvalidDataException single = new InvalidDataException("the label column 'labelIndex' holds a single class"
                + " (0.0) in all 40 rows; a classifier needs examples of at least two classes");

        JobConfigException e = (JobConfigException) JobColumns.explain(single, STANDARDIZED, IRIS);

        assertEquals("data.label", e.keyPath());
        assertTrue(e.problem().contains("'labelIndex' (the class numbers of data.label column 'species')"),
                e.problem());
        assertSame(single, e.getCause());
    }

    @Test
    void theUsersOwnColumnsAreLeftAsTheyAre() {
        InputSchema sequence = new InputSchema("y", false, InputKind.SEQUENCE, List.of("readings"), false);
        TrainingPipeline asIs = new TrainingPipeline(new Pipeline(), "y", "readings", "prediction", null);

        JobConfigException e = (JobConfigException) JobColumns.explain(new InvalidDataException("the features column"
                + " 'readings' holds steps of 1 feature(s)"), asIs, sequence);

        assertEquals("data.sequence", e.keyPath());
        assertEquals("the features column 'readings' holds steps of 1 feature(s)", e.problem());
    }

    @Test
    void otherFailuresPassThrough() {
        IllegalStateException bug = new IllegalStateException("the optimizer diverged");

        assertSame(bug, JobColumns.explain(bug, STANDARDIZED, IRIS));
    }
}
