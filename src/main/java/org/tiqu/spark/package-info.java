/**
 * The Spark job ({@link org.tiqu.spark.SparkExtract}): {@code tiqu extract} over a cluster, with
 * the command line's records byte for byte, through the library API ({@code org.tiqu.api}).
 *
 * <p><b>One module, not two.</b> The job is one class over the library, so it lives in tiqu's one
 * Maven module: Spark is a {@code provided} dependency (the cluster has it; it is never in
 * {@code tiqu.jar}, and the command line never loads these classes), and a newcomer reads one
 * {@code pom.xml} and one source tree instead of a parent and two children. The project's top
 * level stays {@code src/ seeds/ rules/ output/ README.md pom.xml}. What a second module would
 * have given — a separate jar for the cluster — is the profile {@code spark-job}
 * ({@code mvn -Pspark-job -DskipTests package} → {@code target/tiqu-spark.jar}).
 *
 * <p><b>Jackson.</b> Spark 3.5.9 brings Jackson 2.15.2 (and {@code jackson-module-scala}, which
 * refuses any other minor version of {@code jackson-databind}); tiqu is built with 2.17.2. On a
 * cluster Spark's jars come first on the class path, so {@code tiqu-spark.jar} carries tiqu's
 * Jackson (and SnakeYAML) relocated under {@code org.tiqu.shaded}: the cluster's Jackson can
 * neither replace nor be replaced by tiqu's. In tests, where there is one class path, the build
 * imports {@code jackson-bom} at tiqu's version, so Spark's Scala module matches tiqu's databind.
 * Parquet and Hadoop are Spark's own on a cluster and are left out of the job jar.
 */
package org.tiqu.spark;
