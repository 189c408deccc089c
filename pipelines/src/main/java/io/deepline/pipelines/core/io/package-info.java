/**
 * The lowest layer of I/O helpers: the JSON mapper and small-file access on any Hadoop FileSystem. Depends on no
 * other Deepline package, so training (checkpoints), persistence (model files), selection and reports can all use it
 * without depending on each other.
 */
package io.deepline.pipelines.core.io;
