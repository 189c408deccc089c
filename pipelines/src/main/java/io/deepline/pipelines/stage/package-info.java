/**
 * The small abstract bases of the network stages: what every estimator that trains a DL4J network repeats (the
 * uid hand-over before Spark's constructors run, the training Params, the training listener, a copy that keeps the
 * listener, Params-only persistence), written once per Spark parent class. A stage extends the base that matches
 * its MLlib parent and adds only its own Params, schema and fit.
 */
package io.deepline.pipelines.stage;
