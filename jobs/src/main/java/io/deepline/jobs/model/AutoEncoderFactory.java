package io.deepline.jobs.model;

import io.deepline.jobs.config.JobConfigException;
import io.deepline.jobs.metrics.ReconstructionMetrics;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.pipelines.generative.AutoEncoder;
import io.deepline.pipelines.generative.AutoEncoderModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code model.type: AutoEncoder}: a dense or convolutional bottleneck autoencoder, unsupervised (no
 * {@code data.label} needed); its test metrics are statistics of the per-row reconstruction error.
 */
public final class AutoEncoderFactory implements ModelFactory {

    @Override
    public String type() {
        return "AutoEncoder";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new AutoEncoder();
    }

    @Override
    public boolean supervised() {
        return false;
    }

    @Override
    public TestMetrics evaluateUnsupervised(Dataset<Row> scored, Transformer fitted) {
        String column = ((AutoEncoderModel) fitted).getReconstructionErrorCol();
        if (column.isEmpty()) {
            throw new JobConfigException("model.params.reconstructionErrorCol", "is empty, so the test split gets no"
                    + " reconstruction errors to report", "Remove it (default reconstructionError) or name a column");
        }
        return ReconstructionMetrics.evaluate(scored, column);
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof AutoEncoderModel m) {
            facts.put("architecture", m.getArchitecture());
            facts.put("numFeatures", m.numFeatures());
            facts.put("codeSize", m.getCodeSize());
        }
        return facts;
    }
}
