package io.deepline.pipelines.tools.selection;

/**
 * One swept value and the metric of the model fitted with it.
 *
 * @param value      the param value, as given to the sweep
 * @param label      the value's text (numbers and strings as written, arrays as JSON, e.g. [8,8])
 * @param train      the metric on the training rows
 * @param validation the metric on the validation rows
 */
public record SelectionPoint(Object value, String label, double train, double validation) {
}
