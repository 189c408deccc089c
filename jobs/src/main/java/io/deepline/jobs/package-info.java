/**
 * The command line: {@link io.deepline.jobs.Main} and its subcommands, each driven by a YAML job file. The same
 * entry point runs embedded ({@code bin/deepline}) and under spark-submit. Exit codes: 0 success, 1 a failure while
 * running, 2 a problem with the command line or the job file.
 */
package io.deepline.jobs;
