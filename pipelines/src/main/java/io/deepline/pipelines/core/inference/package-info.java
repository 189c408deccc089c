/**
 * Batched scoring on the executors: each task thread scores its partition in batches with
 * its own copy of the network, built once from a broadcast of the params. Never one row at a time, and never a
 * network shared between threads.
 */
package io.deepline.pipelines.core.inference;
