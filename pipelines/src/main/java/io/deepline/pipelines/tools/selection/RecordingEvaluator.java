package io.deepline.pipelines.tools.selection;

import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;

/**
 * The evaluator {@link KFoldCrossValidation} hands MLlib's CrossValidator: it evaluates exactly as the wrapped one
 * and records each metric under the fold and candidate that {@link LabelledFits} has just fitted on the same thread
 * (MLlib evaluates a fold model right after fitting it, inside the same task of its thread pool). So the report
 * gets every fold's metric as MLlib measured it, instead of scoring all k × grid fold models a second time.
 */
final class RecordingEvaluator extends Evaluator {
    private static final long serialVersionUID = 1L;

    private final Evaluator delegate;
    private final transient LabelledFits.Plan plan;

    RecordingEvaluator(Evaluator delegate, LabelledFits.Plan plan) {
        this.delegate = delegate;
        this.plan = plan;
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        double metric = delegate.evaluate(dataset);
        plan.recordMetric(metric);
        return metric;
    }

    @Override
    public boolean isLargerBetter() {
        return delegate.isLargerBetter();
    }

    @Override
    public RecordingEvaluator copy(ParamMap extra) {
        return new RecordingEvaluator(delegate.copy(extra), plan);
    }

    @Override
    public String uid() {
        return delegate.uid();
    }
}
