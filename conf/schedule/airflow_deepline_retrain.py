"""Nightly Deepline champion/challenger retraining from Airflow (2.x, apache-airflow-providers-apache-spark).

Copy into the DAGs folder. The `spark_default` connection names the cluster (YARN, Kubernetes or standalone).
`deepline retrain` exits 0 when it ran (whether or not the challenger was promoted: see the registry's
versions/<n>/decision.json), 1 when it failed, 2 for a bad job file, and 3 when another retrain of the same registry
name holds its lock. max_active_runs=1 keeps Airflow from starting overlapping runs; the registry lock also guards
against runs started elsewhere.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

with DAG(
    dag_id="deepline_retrain_digits",
    schedule="15 2 * * *",
    start_date=datetime(2026, 12, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=30)},
    tags=["deepline", "ml"],
) as dag:
    retrain = SparkSubmitOperator(
        task_id="retrain",
        conn_id="spark_default",
        application="/opt/deepline/deepline-jobs-all.jar",
        java_class="io.deepline.jobs.Main",
        application_args=["retrain", "hdfs:///jobs/digits-retrain.yaml"],
        properties_file="/opt/deepline/conf/spark-defaults-cluster.conf",
        deploy_mode="client",
        name="deepline-retrain-digits",
        verbose=False,
    )
