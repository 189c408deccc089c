package io.deepline.jobs.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.jobs.config.JobConfig;
import io.deepline.jobs.config.JobConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys whose change between the champion's job file and a retrain's reshuffles the holdout. */
class SplitChangesTest {

    private static JobConfig job(String data, String split) {
        return new JobConfigLoader().parse("""
                name: j
                data: {path: in.csv, label: y%s}
                %s
                model: {type: DeepClassifier, params: {maxEpochs: 3}}
                output: {model: out}
                """.formatted(data, split));
    }

    @Test
    void onlyTheSplitAndTheHashedColumnsCount() {
        JobConfig champion = job("", "split: {train: 0.8, test: 0.2, seed: 42}");

        assertEquals(List.of(), SplitChanges.between(champion, job("", "")), "the defaults are the same rule");
        assertEquals(List.of(), SplitChanges.between(champion, job(", dropNulls: true", "")));

        List<String> seed = SplitChanges.between(champion, job("", "split: {train: 0.8, test: 0.2, seed: 7}"));
        assertEquals(1, seed.size(), seed.toString());
        assertTrue(seed.get(0).startsWith("split ") && seed.get(0).contains("seed=7"), seed.toString());

        List<String> columns = SplitChanges.between(champion, job(", features: [a, b]",
                "split: {holdoutColumn: h}"));
        assertEquals(2, columns.size(), columns.toString());
        assertTrue(columns.get(1).equals("data.features [] -> [a, b]"), columns.toString());
    }
}
