package io.deepline.jobs.registry;

import java.util.List;

/** The names of the files inside one version directory, {@code <registry>/<name>/versions/<n>/}. */
public final class VersionFiles {

    /** The saved PipelineModel (a directory). */
    public static final String MODEL = "model";
    /** The challenger's test metrics. */
    public static final String METRICS = "metrics.json";
    /** The job file as the run read it. */
    public static final String JOB = "job.yaml";
    /** The promotion decision. */
    public static final String DECISION = "decision.json";
    /** Written last, empty: a version directory without it is invisible. */
    public static final String SUCCESS = "_SUCCESS";

    /** What must exist before {@link #SUCCESS} may be written. */
    public static final List<String> REQUIRED = List.of(MODEL, METRICS, JOB, DECISION);

    private VersionFiles() {
    }
}
