package io.deepline.pipelines.ensemble;

import io.deepline.pipelines.core.io.Json;
import io.deepline.pipelines.core.persist.StageMetadata;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;

/**
 * The saved form of an {@link EnsembleEstimator}: not params-only, since its estimators are part of it.
 * <pre>
 * path/metadata/        Spark's params JSON + {deeplineFormat, numEstimators}
 * path/estimators/j/    estimator j, saved by its own writer
 * </pre>
 */
final class EnsembleEstimatorPersistence {
    static final String ESTIMATORS = "/estimators";

    private EnsembleEstimatorPersistence() {
    }

    static final class Writer extends MLWriter {
        private final EnsembleEstimator estimator;

        Writer(EnsembleEstimator estimator) {
            this.estimator = estimator;
            MemberStages.requireWritable(estimator.estimators(), "estimator");
        }

        @Override
        public void saveImpl(String path) {
            StageMetadata.save(estimator, path, sc(), Json.MAPPER.createObjectNode()
                    .put("numEstimators", estimator.estimators().size()));
            MemberStages.save(estimator.estimators(), path + ESTIMATORS);
        }
    }

    static final class Reader extends MLReader<EnsembleEstimator> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        @Override
        public EnsembleEstimator load(String path) {
            StageMetadata metadata = StageMetadata.load(path, sc(), EnsembleEstimator.class);
            int count = metadata.field("numEstimators").asInt();
            if (count < 1) {
                throw new IllegalStateException("the metadata at " + path + " says numEstimators " + count
                        + "; an ensemble has at least one, the directory is corrupt, save it again");
            }
            List<Estimator> estimators = MemberStages.load(path + ESTIMATORS, count, Estimator.class, sc());
            EnsembleEstimator estimator = new EnsembleEstimator(metadata.uid());
            try {
                estimator.setEstimators((List) estimators);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the estimators under " + path + ESTIMATORS + " do not form an"
                        + " ensemble (" + e.getMessage() + "); the directory is corrupt, save it again", e);
            }
            metadata.applyParamsTo(estimator);
            return estimator;
        }
    }
}
