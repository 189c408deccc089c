/**
 * Plain-array snapshots of a network (configuration JSON, parameters, optimizer state, counters). They move
 * between the Spark driver and its executors with no INDArray inside, which keeps them immune to the Kryo
 * buffer-release bug of ND4J (research/dl4j.md section 6.2).
 */
package io.deepline.models.state;
