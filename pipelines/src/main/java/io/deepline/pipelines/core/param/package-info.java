/**
 * The Params our stages share, their validators, and the uid hand-off that lets Java stages extend MLlib's
 * Scala base classes safely.
 */
package io.deepline.pipelines.core.param;
