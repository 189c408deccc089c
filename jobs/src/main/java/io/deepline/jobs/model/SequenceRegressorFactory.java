package io.deepline.jobs.model;

import io.deepline.pipelines.sequence.SequenceRegressionModel;
import io.deepline.pipelines.sequence.SequenceRegressor;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Transformer;

/**
 * {@code model.type: SequenceRegressor}: a recurrent (rnn, lstm or gru) regressor of one number per sequence, read
 * from {@code data.text} (as word ids) or {@code data.sequence}.
 */
public final class SequenceRegressorFactory implements ModelFactory {

    @Override
    public String type() {
        return "SequenceRegressor";
    }

    @Override
    public Estimator<?> newEstimator() {
        return new SequenceRegressor();
    }

    @Override
    public boolean readsSequences() {
        return true;
    }

    @Override
    public boolean classifies() {
        return false;
    }

    @Override
    public Map<String, Object> facts(Transformer fitted) {
        return fitted instanceof SequenceRegressionModel m ? SequenceFacts.of(m, m.sequenceInput(), m.numFeatures())
                : Map.of();
    }
}
