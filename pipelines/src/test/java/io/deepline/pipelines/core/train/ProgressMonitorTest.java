package io.deepline.pipelines.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Mini-batch progress on the driver: counts within the epoch, the epoch's mean loss and speed, the fit's ETA, and a
 * log line only once an epoch has run 30 s since its start or the last line.
 */
class ProgressMonitorTest {

    private double[] totals = new double[3];
    private long now;

    private void fitted(int batches, int rowsEach, double lossEach) {
        totals = new double[] {totals[0] + batches, totals[1] + batches * rowsEach, totals[2] + batches * lossEach};
    }

    private void advance(long seconds) {
        now += TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void reportsTheEpochsMiniBatchesAndLogsAtMostEvery30Seconds() {
        List<BatchProgress> seen = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats, int maxEpochs) {
            }

            @Override
            public void onBatchProgress(BatchProgress progress) {
                seen.add(progress);
            }
        };
        try (ProgressMonitor monitor = new ProgressMonitor(() -> totals.clone(), listener, lines::add, "DeepClassifier",
                "tune 1/4", 4, 100, () -> now, false)) {
            monitor.epochStarted(0);
            advance(20);
            fitted(25, 32, 0.5);
            BatchProgress p = monitor.poll();
            assertEquals(new BatchProgress("tune 1/4", 1, 4, 25, 100, 0.5, 25 * 32 / 20.0, 20.0 / 25 * 375), p);
            assertEquals(List.of(), lines, "20 s into the epoch: no line yet");
            assertNull(monitor.poll(), "nothing moved, nothing told");

            advance(15);
            fitted(25, 32, 0.3);
            monitor.poll();
            assertEquals(1, lines.size(), "35 s into the epoch: one line");
            assertEquals("tune 1/4 DeepClassifier epoch 1/4: 50/100 mini-batches, loss 0.40000, 46 examples/s, ETA 245 s",
                    lines.get(0));
            advance(10);
            fitted(10, 32, 0.3);
            monitor.poll();
            assertEquals(1, lines.size(), "10 s after the last line: none");

            fitted(40, 32, 0.3);
            monitor.epochStarted(1);
            advance(1);
            fitted(10, 32, 0.2);
            p = monitor.poll();
            assertEquals(2, p.epoch());
            assertEquals(10, p.batches(), "counted from the epoch's start");
            assertEquals(0.2, p.meanLoss(), 1e-12);
            assertEquals(46.0 / 110 * 290, p.etaSeconds(), 1e-9, "the fit's pace so far times the batches left");
            assertEquals(3, seen.size(), "1 s into epoch 2 the listener hears nothing yet (quick epochs stay quiet)");
            assertTrue(seen.stream().allMatch(s -> s.batches() <= s.batchesPerEpoch()));
        }
    }
}
