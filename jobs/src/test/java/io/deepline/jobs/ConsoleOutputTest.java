package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.train.BatchProgress;
import io.deepline.pipelines.core.train.EpochStats;
import io.deepline.pipelines.core.train.FitLabel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --quiet}, {@code --verbose}, and the progress bar that replaces per-epoch lines on a terminal. */
class ConsoleOutputTest {

    @AfterEach
    void restoreNormalLevels() {
        ConsoleOutput.NORMAL.applyLogLevels(false);
    }

    @Test
    void quietAndVerboseSetDeeplinesLogLevelAndExcludeEachOther() {
        ConsoleOutput.of(true, false).applyLogLevels(false);
        assertEquals(Level.WARN, LogManager.getLogger("io.deepline.jobs.train.TrainJob").getLevel());

        ConsoleOutput.of(false, true).applyLogLevels(false);
        assertEquals(Level.DEBUG, LogManager.getLogger("io.deepline.jobs.train.TrainJob").getLevel());
        assertEquals(Level.DEBUG, LogManager.getLogger(ConsoleOutput.EPOCH_LOGGER).getLevel());

        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> ConsoleOutput.of(true, true));
        assertTrue(both.getMessage().contains("--quiet") && both.getMessage().contains("--verbose"));
    }

    @Test
    void theBarShowsOnlyForNormalOutputOnATerminalAndThenSilencesTheEpochLines() {
        assertTrue(ConsoleOutput.NORMAL.showsProgressBar(true));
        assertFalse(ConsoleOutput.NORMAL.showsProgressBar(false), "spark-submit logs and CI get plain lines");
        assertFalse(ConsoleOutput.QUIET.showsProgressBar(true));
        assertFalse(ConsoleOutput.VERBOSE.showsProgressBar(true));
        assertSame(EpochProgressBar.OFF, ConsoleOutput.NORMAL.progress(false, System.out));

        ConsoleOutput.NORMAL.applyLogLevels(true);
        assertEquals(Level.WARN, LogManager.getLogger(ConsoleOutput.EPOCH_LOGGER).getLevel());
        assertEquals(Level.INFO, LogManager.getLogger("io.deepline.jobs.train.TrainJob").getLevel());
    }

    @Test
    void concurrentLabelledFitsEachGetTheirOwnTitledBar() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EpochProgressBar bar = new EpochProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            Thread other = new Thread(() -> FitLabel.with("tune 2/4 (fold 1/2)", () -> {
                bar.onEpochEnd(new EpochStats(1, 0.7, 1.0, 100, 100.0, null, null), 2);
                return null;
            }));
            FitLabel.with("tune 1/4 (fold 1/2)", () -> {
                bar.onEpochEnd(new EpochStats(1, 0.9, 1.0, 100, 100.0, null, null), 2);
                return null;
            });
            other.start();
            other.join();
            // The first fit's epoch 2 continues its own bar: the other fit's epoch 1 in between restarts nothing.
            FitLabel.with("tune 1/4 (fold 1/2)", () -> {
                bar.onEpochEnd(new EpochStats(2, 0.4, 1.0, 100, 100.0, null, null), 2);
                return null;
            });
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("tune 1/4 (fold 1/2)") && drawn.contains("tune 2/4 (fold 1/2)"), drawn);
        assertTrue(drawn.contains("2/2"), "the first fit's bar reached its last epoch: " + drawn);
        assertTrue(drawn.contains("loss 0.4000"), drawn);
    }

    @Test
    void theBarDrawsEpochsLossAndSpeedAndStartsAgainForTheNextFit() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EpochProgressBar bar = new EpochProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            bar.onEpochEnd(new EpochStats(1, 0.9, 1.0, 100, 100.0, null, null), 3);
            bar.onEpochEnd(new EpochStats(2, 0.5, 1.0, 100, 250.0, 0.6, 0.875), 3);
            bar.onEpochEnd(new EpochStats(1, 0.8, 1.0, 100, 100.0, null, null), 2);
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("2/3"), drawn);
        // The line is cut at the terminal's width (80 columns when there is none), so the speed may not show.
        assertTrue(drawn.contains("loss 0.5000 val 0.8750"), drawn);
        assertTrue(drawn.contains("1/2"), "a second fit gets its own bar: " + drawn);
    }

    @Test
    void aLongEpochsBarCountsItsMiniBatchesThenTheNextEpochStartsAgain() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // The bar redraws every 200 ms on its own thread: wait for a redraw before looking at a state.
        try (EpochProgressBar bar = new EpochProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            bar.onBatchProgress(new BatchProgress(null, 2, 10, 30, 120, 0.35, 850, 412));
            Thread.sleep(400);
            String drawn = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(drawn.contains("epoch 2/10") && drawn.contains(" 30/120") && drawn.contains("loss 0.3500")
                    && drawn.contains("fit ETA 6m52s"), drawn);
            bar.onEpochEnd(new EpochStats(2, 0.3, 60.0, 3840, 64.0, null, null), 10);
            drawn = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(drawn.contains("120/120") && drawn.contains("loss 0.3000"), "the epoch's end fills its bar: "
                    + drawn);
            bar.onBatchProgress(new BatchProgress(null, 3, 10, 7, 120, 0.25, 900, 380));
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("epoch 3/10") && drawn.contains("  7/120"), "epoch 3 gets its own bar: " + drawn);
        assertEquals("6m52s", EpochProgressBar.duration(412));
        assertEquals("1h05m", EpochProgressBar.duration(3900));
    }

    @Test
    void quietWithVerboseIsAUsageError() {
        JobFiles.Run run = JobFiles.run("--quiet", "--verbose", "train", "missing.yaml");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--quiet and --verbose"), run.err());
    }

    @Test
    void everyCommandsHelpDescribesIt() {
        for (String command : new String[] {"train", "evaluate", "tune", "predict", "retrain"}) {
            JobFiles.Run help = JobFiles.run(command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertTrue(help.out().contains("<job.yaml>") && help.out().contains("--quiet"), help.out());
        }
        JobFiles.Run top = JobFiles.run("--help");
        for (String command : new String[] {"train", "evaluate", "tune", "predict", "retrain"}) {
            assertTrue(top.out().contains(command), top.out());
        }
    }
}
