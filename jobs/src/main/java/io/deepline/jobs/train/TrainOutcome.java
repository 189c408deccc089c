package io.deepline.jobs.train;

import io.deepline.jobs.metrics.TestMetrics;
import io.deepline.pipelines.core.train.EpochStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a train job produced: its test metrics, its sizes and timings, and where the model and metrics went.
 *
 * @param name         the job's name
 * @param modelType    the job file's {@code model.type}
 * @param metrics      test-set metrics
 * @param trainRows    rows in the training split
 * @param testRows     rows in the test split
 * @param trainSeconds wall-clock seconds of {@code Pipeline.fit}
 * @param epochs       epochs the model trained (fewer than its maximum if it stopped early)
 * @param history      per-epoch training history; empty if the model keeps none
 * @param modelFacts   what the fitted model reports about itself, e.g. {@code numClasses}
 * @param modelPath    where the fitted {@code PipelineModel} was saved
 * @param metricsPath  where the metrics JSON was written
 * @param tuning       the {@code tune} command's cross-validation summary; empty for {@code train}
 * @param droppedNullRows rows dropped before the split for a null in a used column ({@code data.dropNulls})
 */
public record TrainOutcome(String name, String modelType, TestMetrics metrics, long trainRows,
                           long testRows, double trainSeconds, int epochs, List<EpochStats> history,
                           Map<String, Object> modelFacts, String modelPath, String metricsPath,
                           Map<String, Object> tuning, long droppedNullRows) {

    public TrainOutcome {
        history = List.copyOf(history);
        modelFacts = Map.copyOf(modelFacts);
        tuning = Collections.unmodifiableMap(new LinkedHashMap<>(tuning));
        if (droppedNullRows < 0) {
            throw new IllegalArgumentException("droppedNullRows must be >= 0, got " + droppedNullRows);
        }
    }

    /** An outcome with no rows dropped for nulls. */
    public TrainOutcome(String name, String modelType, TestMetrics metrics, long trainRows, long testRows,
                        double trainSeconds, int epochs, List<EpochStats> history, Map<String, Object> modelFacts,
                        String modelPath, String metricsPath, Map<String, Object> tuning) {
        this(name, modelType, metrics, trainRows, testRows, trainSeconds, epochs, history, modelFacts, modelPath,
                metricsPath, tuning, 0);
    }

    /** This outcome, recording {@code rows} dropped for nulls before the split. */
    public TrainOutcome withDroppedNullRows(long rows) {
        return new TrainOutcome(name, modelType, metrics, trainRows, testRows, trainSeconds, epochs, history,
                modelFacts, modelPath, metricsPath, tuning, rows);
    }

    /** The metrics file's content. Key names are a public format: add keys, do not rename them. */
    public Map<String, Object> toMetricsJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("modelType", modelType);
        json.putAll(metrics.toJson());
        json.put("trainRows", trainRows);
        json.put("testRows", testRows);
        json.put("droppedNullRows", droppedNullRows);
        json.put("trainSeconds", trainSeconds);
        json.put("epochs", epochs);
        json.putAll(new TreeMap<>(modelFacts));
        json.put("modelPath", modelPath);
        json.put("history", history.stream().map(TrainOutcome::epochJson).toList());
        if (!tuning.isEmpty()) {
            json.put("tuning", tuning);
        }
        return json;
    }

    /** A few lines for a person at a terminal. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s: %s trained on %d rows in %.1f s (%d epochs), tested on %d rows%n", name, modelType, trainRows,
                trainSeconds, epochs, testRows));
        if (droppedNullRows > 0) {
            text.append(String.format(Locale.ROOT, "  dropped   %d rows with nulls (data.dropNulls)%n",
                    droppedNullRows));
        }
        for (String line : metrics.summaryLines()) {
            text.append("  ").append(line).append(System.lineSeparator());
        }
        text.append(String.format(Locale.ROOT, "  model     %s%n  metrics   %s%n", modelPath, metricsPath));
        return text.toString();
    }

    private static Map<String, Object> epochJson(EpochStats e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("epoch", e.epoch());
        json.put("loss", e.loss());
        json.put("seconds", e.seconds());
        json.put("examples", e.examples());
        json.put("examplesPerSecond", e.examplesPerSecond());
        if (e.hasValidation()) {
            json.put("validationLoss", e.validationLoss());
            json.put("validationMetric", e.validationMetric());
        }
        if (e.gradientNorm() != null) {
            json.put("gradientNorm", e.gradientNorm());
        }
        if (e.diagnostics() != null) {
            // gradientNorm.<layer> and deadUnits.<layer> (gradientDiagnostics), flat beside the epoch's other keys.
            json.putAll(e.diagnostics());
        }
        return json;
    }
}
