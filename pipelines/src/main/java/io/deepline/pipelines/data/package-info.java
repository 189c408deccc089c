/**
 * DataFrame rows to mini-batches of plain float arrays (DESIGN section 7), the one-pass profile that
 * validates training data, and the schema checks every stage uses.
 */
package io.deepline.pipelines.data;
