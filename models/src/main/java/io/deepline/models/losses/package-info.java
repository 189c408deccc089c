/** Loss functions DL4J 1.0.0-M2.1 lacks, gradient-checked: the heteroskedastic Gaussian negative log-likelihood. */
package io.deepline.models.losses;
