package io.deepline.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theRootCauseIsTheInnermost() {
        IOException root = new IOException("disk full");

        assertSame(root, ErrorReporter.rootCause(new IllegalStateException(new UncheckedIOException(root))));
    }
}
