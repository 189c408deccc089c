package io.deepline.bench;

import io.deepline.pipelines.interop.ScalaCollections;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.StageInfo;

/**
 * Installed in a {@code workflow} run's CLI process ({@code spark.extraListeners}): prints one line per Spark job as
 * it starts, which the benchmark stamps on arrival and files under the phase it falls in.
 */
public final class JobStartPrinter extends SparkListener {
    /** The prefix the benchmark recognises. */
    public static final String MARK = "[deepline-bench-job]";

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        String description = jobStart.properties() == null ? null
                : jobStart.properties().getProperty("spark.job.description");
        int tasks = 0;
        for (StageInfo stage : ScalaCollections.asJavaList(jobStart.stageInfos())) {
            tasks += stage.numTasks();
        }
        // The task count shows a job over many (nearly empty) partitions, e.g. 200 after a SQL shuffle.
        System.err.println(MARK + " " + jobStart.jobId() + " tasks=" + tasks + " "
                + (description == null ? "" : description));
    }
}
