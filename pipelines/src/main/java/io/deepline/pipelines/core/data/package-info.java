/**
 * DataFrame rows to mini-batches of plain float arrays, the one-pass profile that
 * validates training data, and the schema checks every stage uses. Sequences have their own subpackage,
 * {@code data.sequence}; both kinds of batch are {@link io.deepline.pipelines.core.data.TrainingBatch}es.
 */
package io.deepline.pipelines.core.data;
