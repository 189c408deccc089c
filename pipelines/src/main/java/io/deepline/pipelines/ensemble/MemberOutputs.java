package io.deepline.pipelines.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.shared.HasPredictionCol;
import org.apache.spark.ml.param.shared.HasProbabilityCol;
import org.apache.spark.ml.param.shared.HasRawPredictionCol;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A member stage's output columns (MLlib's shared {@code predictionCol}, {@code rawPredictionCol},
 * {@code probabilityCol}): the Param values that redirect them to temporary names, and a schema probe that
 * checks the member's inputs without tripping over its own output names.
 */
final class MemberOutputs {
    private MemberOutputs() {
    }

    /** Redirects the stage's outputs: prediction and probability to the given names, "" disables one. */
    static ParamMap redirect(Params stage, String prediction, String probability) {
        ParamMap map = new ParamMap();
        if (stage instanceof HasPredictionCol p) {
            map.put(p.predictionCol(), prediction);
        }
        if (stage instanceof HasRawPredictionCol r) {
            map.put(r.rawPredictionCol(), "");
        }
        if (stage instanceof HasProbabilityCol p) {
            map.put(p.probabilityCol(), probability);
        }
        return map;
    }

    /**
     * Runs the member's own {@code transformSchema}, which validates its inputs (features, and the label for an
     * estimator), on {@code schema} minus any columns named like its outputs (the ensemble renames those), and
     * returns the type of its prediction column.
     *
     * @throws IllegalArgumentException naming the member when it cannot use this schema
     */
    static DataType predictionType(PipelineStage stage, String role, int j, StructType schema) {
        PipelineStage probe = stage;
        String prediction = stage instanceof HasPredictionCol p ? p.getPredictionCol() : "";
        if (prediction.isEmpty()) {
            prediction = "prediction_" + stage.uid();
            probe = stage.copy(redirect(stage, prediction, ""));
        }
        StructType out;
        try {
            out = probe.transformSchema(without(schema, outputNames(stage)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(role + " " + j + " (" + EnsembleKind.describe(stage)
                    + ") cannot use this data: " + e.getMessage(), e);
        }
        return out.apply(prediction).dataType();
    }

    private static List<String> outputNames(Params stage) {
        List<String> names = new ArrayList<>();
        if (stage instanceof HasPredictionCol p) {
            names.add(p.getPredictionCol());
        }
        if (stage instanceof HasRawPredictionCol r) {
            names.add(r.getRawPredictionCol());
        }
        if (stage instanceof HasProbabilityCol p) {
            names.add(p.getProbabilityCol());
        }
        return names;
    }

    private static StructType without(StructType schema, List<String> columns) {
        return new StructType(Arrays.stream(schema.fields()).filter(f -> !columns.contains(f.name()))
                .toArray(StructField[]::new));
    }
}
