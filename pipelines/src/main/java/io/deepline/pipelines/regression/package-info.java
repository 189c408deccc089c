/**
 * Regressors: {@link io.deepline.pipelines.regression.DeepRegressor}, a GLM or deep network with a Gaussian
 * (identity link, squared error) or Poisson (exp inverse link, Poisson likelihood) response, for one real
 * label or a Vector of them.
 */
package io.deepline.pipelines.regression;
