package io.deepline.bench;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;

/**
 * Installed in a {@code workflow} run's CLI process ({@code spark.extraListeners}): prints one line per Spark job as
 * it starts, which the benchmark stamps on arrival and files under the phase it falls in.
 *
 * <p>It runs inside the CLI of any build, the baseline's too, so it uses Spark's classes only, not Deepline's (not
 * even the interop package, which an older build lacks); a Scala iterator's {@code hasNext}/{@code next} read the
 * same on both Scala lines.
 */
public final class JobStartPrinter extends SparkListener {
    /** The prefix the benchmark recognises. */
    public static final String MARK = "[deepline-bench-job]";

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        String description = jobStart.properties() == null ? null
                : jobStart.properties().getProperty("spark.job.description");
        int tasks = 0;
        scala.collection.Iterator<StageInfo> stages = jobStart.stageInfos().iterator();
        while (stages.hasNext()) {
            tasks += stages.next().numTasks();
        }
        // The task count shows a job over many (nearly empty) partitions, e.g. 200 after a SQL shuffle.
        System.err.println(MARK + " " + jobStart.jobId() + " tasks=" + tasks + " "
                + (description == null ? "" : description));
    }
}
