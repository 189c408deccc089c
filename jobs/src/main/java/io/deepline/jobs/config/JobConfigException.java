package io.deepline.jobs.config;

/**
 * A job file problem: a bad value, an unknown or missing key, a missing file. The message names the key path (for
 * example {@code model.params.learningRate}) and says how to fix the problem. The command line reports these with
 * exit code 2 and without a stack trace.
 *
 * <p>Records validate their own keys and know only their local names ({@code train}); the loader prefixes the path
 * of the enclosing section ({@code split}) with {@link #under(String)} as the error travels up, so no record has
 * to know where it sits in the file.
 */
public final class JobConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String keyPath;
    private final String problem;
    private final String fix;

    /**
     * @param keyPath dotted key path, relative to whoever throws; empty for the whole file
     * @param problem what is wrong, e.g. {@code "must be in (0, 1), got 1.5"}
     * @param fix     how to repair it, e.g. {@code "Use fractions such as train: 0.8, test: 0.2"}; may be empty
     */
    public JobConfigException(String keyPath, String problem, String fix) {
        this(keyPath, problem, fix, null);
    }

    public JobConfigException(String keyPath, String problem, String fix, Throwable cause) {
        super(render(keyPath, problem, fix), cause);
        this.keyPath = keyPath == null ? "" : keyPath;
        this.problem = problem;
        this.fix = fix == null ? "" : fix;
    }

    /** The dotted key path, e.g. {@code data.path}; empty when the problem concerns the whole file. */
    public String keyPath() {
        return keyPath;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }

    /** The same problem, located inside {@code prefix} (e.g. {@code "train"} under {@code "split"}). */
    public JobConfigException under(String prefix) {
        return new JobConfigException(join(prefix, keyPath), problem, fix, getCause());
    }

    /** Joins key path parts: {@code join("data", "features[2]")} is {@code data.features[2]}. */
    public static String join(String prefix, String key) {
        if (prefix == null || prefix.isEmpty()) {
            return key == null ? "" : key;
        }
        if (key == null || key.isEmpty()) {
            return prefix;
        }
        return key.startsWith("[") ? prefix + key : prefix + "." + key;
    }

    private static String render(String keyPath, String problem, String fix) {
        StringBuilder s = new StringBuilder();
        if (keyPath != null && !keyPath.isEmpty()) {
            s.append(keyPath).append(": ");
        }
        s.append(problem);
        if (fix != null && !fix.isEmpty()) {
            s.append(". ").append(fix);
        }
        return s.toString();
    }
}
