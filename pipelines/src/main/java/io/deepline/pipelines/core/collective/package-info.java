/**
 * Workers of one training epoch talking to each other directly: the {@link
 * io.deepline.pipelines.core.collective.Collective} allreduce that keeps a barrier stage's tasks in step, and its
 * implementations. Knows nothing of networks or of Spark's scheduler: the trainer hands it float arrays, an address
 * exchange and a cancellation check.
 */
package io.deepline.pipelines.core.collective;
