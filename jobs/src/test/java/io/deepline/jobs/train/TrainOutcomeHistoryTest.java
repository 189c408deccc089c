package io.deepline.jobs.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.deepline.jobs.metrics.SequenceOutputMetrics;
import io.deepline.pipelines.core.train.EpochStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics file's history: gradientDiagnostics' per-layer keys sit flat beside an epoch's other keys. */
class TrainOutcomeHistoryTest {

    private static Map<?, ?> epochJson(EpochStats epoch) {
        TrainOutcome outcome = new TrainOutcome("diag", "DeepClassifier", new SequenceOutputMetrics(false, 3, Map.of()),
                10, 3, 1.0, 1, List.of(epoch), Map.of(), "model", "metrics.json", Map.of());
        return (Map<?, ?>) ((List<?>) outcome.toMetricsJson().get("history")).get(0);
    }

    @Test
    void perLayerDiagnosticsAreFlatKeysOnlyWhenRecorded() {
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        diagnostics.put("deadUnits.0", 0.25);
        diagnostics.put("gradientNorm.0", 0.5);
        diagnostics.put("gradientNorm.1", 2.0);
        Map<?, ?> json = epochJson(new EpochStats(1, 0.7, 0.1, 10, 100, null, null, 2.1, diagnostics));
        assertEquals(2.1, json.get("gradientNorm"));
        assertEquals(0.25, json.get("deadUnits.0"));
        assertEquals(0.5, json.get("gradientNorm.0"));
        assertEquals(2.0, json.get("gradientNorm.1"));

        Map<?, ?> plain = epochJson(new EpochStats(1, 0.7, 0.1, 10, 100));
        assertFalse(plain.keySet().stream().anyMatch(k -> k.toString().startsWith("gradientNorm")), plain.toString());
        assertFalse(plain.containsKey("diagnostics"), plain.toString());
    }
}
