package io.deepline.jobs.output;

import io.deepline.jobs.config.JobConfigException;
import org.apache.hadoop.conf.Configuration;

/**
 * The rule for every path a command writes: a path that is free (absent, or an empty folder) may be used; one that
 * holds Deepline's own output of the expected kind may be replaced only when the user asked for that; anything else
 * is refused, whatever the mode, so that no mistyped path can delete a user's files.
 */
public final class OwnedOutputs {
    private final Configuration hadoopConf;

    public OwnedOutputs(Configuration hadoopConf) {
        this.hadoopConf = hadoopConf;
    }

    /**
     * @param key        the job-file key (or option) that named {@code path}, for the message
     * @param expected   the kind this command writes there
     * @param replace    whether an existing output of that kind may be replaced
     * @param replaceFix how to allow replacing, said when an existing output is refused
     * @throws JobConfigException naming {@code key} and {@code path} when the path may not be written
     */
    public void require(String key, String path, OutputKind expected, boolean replace, String replaceFix) {
        OutputKind found = OutputKind.of(path, hadoopConf);
        if (found == OutputKind.ABSENT || found == OutputKind.EMPTY_FOLDER && expected != OutputKind.METRICS) {
            return;
        }
        if (found == expected) {
            if (!replace) {
                throw new JobConfigException(key, "'" + path + "' already holds " + expected.description(),
                        replaceFix);
            }
            return;
        }
        String what = found == OutputKind.OTHER_FOLDER
                ? found.description() + " (" + OutputKind.someNames(path, hadoopConf) + ")" : found.description();
        throw new JobConfigException(key, "'" + path + "' exists and is " + what + ", not "
                + expected.description(), "Choose a path that does not exist yet or an empty folder. Deepline"
                + " replaces only " + expected.description() + " it wrote itself, even in overwrite mode, so that"
                + " a mistyped path cannot delete your files");
    }
}
