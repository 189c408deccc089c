package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deepline.pipelines.core.data.InvalidDataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {

    @Test
    void sparkStyleMessagesShrinkToOneLine() {
        RuntimeException e = new RuntimeException(
                "Job aborted: task failed\n\tat org.x.Y.z(Y.java:1)\nDriver stacktrace:");

        assertEquals("RuntimeException: Job aborted: task failed", ErrorReporter.summary(e, true));
    }

    @Test
    void aRootCauseKeepsItsWholeSentenceOnOneLine() {
        RuntimeException e = new RuntimeException("Encountered null. Consider\nremoving nulls.");

        assertEquals("RuntimeException: Encountered null. Consider removing nulls.", ErrorReporter.summary(e, false));
    }

    @Test
    void longMessagesAreCut() {
        String summary = ErrorReporter.summary(new RuntimeException("x".repeat(5000)), false);

        assertTrue(summary.length() < ErrorReporter.MAX_LINE + 40, summary);
        assertTrue(summary.endsWith(" ..."), summary);
    }

    @Test
    void errorsAreReportedLikeExceptions() {
        StringWriter err = new StringWriter();

        int code = new ErrorReporter(() -> false).report(new NoSuchMethodError("Spec.<init>"), new PrintWriter(err));

        assertEquals(1, code);
        assertTrue(err.toString().startsWith("error: NoSuchMethodError: Spec.<init>"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        StringWriter err = new StringWriter();

        new ErrorReporter(() -> true).report(new IllegalStateException("boom"), new PrintWriter(err));

        assertTrue(err.toString().contains("\tat io.deepline.jobs.ErrorReporterTest"), err.toString());
    }

    /** A model's data check, reached through Spark's wrapping: the user's data is at fault, exit 2. */
    @Test
    void aDataProblemAnywhereInTheChainExitsTwoWithItsMessageAlone() {
        StringWriter err = new StringWriter();
        RuntimeException sparkFailure = new RuntimeException("Job aborted due to stage failure",
                new InvalidDataException("the label column 'label' holds a single class (0.0) in all 40 rows; a"
                        + " classifier needs examples of at least two classes"));

        int code = new ErrorReporter(() -> false).report(sparkFailure, new PrintWriter(err));

        assertEquals(2, code);
        assertEquals("error: the label column 'label' holds a single class (0.0) in all 40 rows; a classifier needs"
                + " examples of at least two classes", err.toString().strip());
    }

    @Test
    void deeplinesOwnMessagesCarryNoExceptionName() {
        StringWriter err = new StringWriter();

        int code = new ErrorReporter(() -> false).report(new IllegalStateException("cannot load a PipelineModel"
                + " from '/m' (predict.model)", new IOException("truncated")), new PrintWriter(err));

        assertEquals(1, code);
        assertTrue(err.toString().startsWith("error: cannot load a PipelineModel from '/m'"), err.toString());
        assertTrue(err.toString().contains("cause: IOException: truncated"), err.toString());
    }

    @Test
    void aLibrarysExceptionKeepsItsName() {
        IllegalArgumentException hadoop = new IllegalArgumentException("Wrong FS: hdfs://x, expected: file:///");
        hadoop.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.apache.hadoop.fs.FileSystem", "checkPath", "FileSystem.java", 807)});
        StringWriter err = new StringWriter();

        new ErrorReporter(() -> false).report(hadoop, new PrintWriter(err));

        assertTrue(err.toString().startsWith("error: IllegalArgumentException: Wrong FS"), err.toString());
    }

    @Test
    void theRootCauseIsTheInnermost() {
        IOException root = new IOException("disk full");

        assertSame(root, ErrorReporter.rootCause(new IllegalStateException(new UncheckedIOException(root))));
    }
}
