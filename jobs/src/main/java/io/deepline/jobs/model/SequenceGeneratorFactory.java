package io.deepline.jobs.model;

import io.deepline.jobs.metrics.SequenceOutputMetrics;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.pipelines.sequence.SequenceGenerator;
import io.deepline.pipelines.sequence.SequenceGeneratorModel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code model.type: SequenceGenerator}: generates the label sequence ({@code array<int>} token ids, with
 * {@code vocabularySize} in {@code model.params}, or {@code array<double>} values) from the feature columns.
 */
public final class SequenceGeneratorFactory implements ModelFactory {

    @Override
    public String type() {
        return "SequenceGenerator";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new SequenceGenerator();
    }

    @Override
    public boolean generatesSequences() {
        return true;
    }

    @Override
    public boolean classifies() {
        return false;
    }

    @Override
    public TestMetrics evaluate(Dataset<Row> scored, String labelColumn, String predictionColumn,
                                String probabilityColumn) {
        return SequenceOutputMetrics.evaluate(scored, labelColumn, predictionColumn);
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (fitted instanceof SequenceGeneratorModel m) {
            facts.put("generatedOutput", m.generatedOutput().name().toLowerCase(Locale.ROOT));
            facts.put("cell", m.getCell());
            facts.put("hiddenSize", m.getHiddenSize());
            facts.put("maxOutputLength", m.getMaxOutputLength());
        }
        return facts;
    }
}
