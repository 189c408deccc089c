package io.deepline.pipelines.core.collective;

/**
 * One rank's view of one collective: who it is and how it recognises its peers. A peer must present the same
 * token, epoch and stage attempt before any payload is read, so a task of an earlier, failed attempt of the
 * epoch, or a stranger on the port, is refused.
 *
 * @param token        random per fit, known only to the driver and the fit's tasks
 * @param epoch        0-based epoch the barrier stage trains
 * @param stageAttempt which run of the epoch: distinct for every run of it, reruns by the driver included (the
 *                     barrier task's stage id and Spark's attempt number of that stage)
 * @param rank         this task's partition index
 * @param size         the number of tasks in the barrier stage
 * @param host         the address this rank listens on and advertises (the executor's host)
 * @param settings     port range and timeout
 */
public record CollectiveGroup(String token, int epoch, int stageAttempt, int rank, int size, String host,
                              CollectiveSettings settings) {
    public CollectiveGroup {
        if (size <= 0 || rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank " + rank + " is not in a group of " + size);
        }
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("a collective needs its fit's token");
        }
    }

    /** Without the token: a group may be logged, its token must not be. */
    @Override
    public String toString() {
        return "CollectiveGroup[rank " + rank + " of " + size + ", epoch " + epoch + ", attempt " + stageAttempt
                + ", host " + host + "]";
    }
}
