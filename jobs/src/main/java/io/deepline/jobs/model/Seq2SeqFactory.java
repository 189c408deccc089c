package io.deepline.jobs.model;

import io.deepline.jobs.metrics.SequenceOutputMetrics;
import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.pipelines.sequence.Seq2Seq;
import io.deepline.pipelines.sequence.Seq2SeqModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code model.type: Seq2Seq}: an encoder-decoder with attention (course §8.2) from the {@code data.sequence}
 * source ids to the label's target ids ({@code array<int>}); both vocabulary sizes go in {@code model.params}.
 */
public final class Seq2SeqFactory implements ModelFactory {

    @Override
    public String type() {
        return "Seq2Seq";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new Seq2Seq();
    }

    @Override
    public boolean readsSequences() {
        return true;
    }

    @Override
    public boolean readsText() {
        return false;
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
        if (fitted instanceof Seq2SeqModel m) {
            facts.put("architecture", m.getArchitecture());
            if ("transformer".equalsIgnoreCase(m.getArchitecture())) {
                facts.put("modelDim", m.getModelDim());
                facts.put("numHeads", m.getNumHeads());
                facts.put("ffDim", m.getFfDim());
                facts.put("numLayers", m.getNumLayers());
                facts.put("preNorm", m.getPreNorm());
            } else {
                facts.put("cell", m.getCell());
                facts.put("hiddenSize", m.getHiddenSize());
                facts.put("context", m.getContext());
            }
            facts.put("sourceVocabularySize", m.getSourceVocabularySize());
            facts.put("targetVocabularySize", m.getTargetVocabularySize());
        }
        return facts;
    }
}
