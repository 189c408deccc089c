/**
 * JMH micro-benchmarks of Deepline's hot paths, on the real pipelines classes with the shapes (784 features,
 * batches of 64, the 784-256-128-10 MLP on 2 workers). Each score is in nanoseconds per the unit its
 * {@code @OperationsPerInvocation} names. {@link io.deepline.bench.HotPathBenchmarks} runs them through JMH's Runner.
 */
package io.deepline.bench.jmh;
