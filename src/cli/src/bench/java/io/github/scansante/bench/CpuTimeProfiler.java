package io.github.scansante.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM per operation ({@code -prof io.github.scansante.bench.CpuTimeProfiler}):
 * every thread of the fork, so the garbage collector's work is counted with the code that made the
 * garbage. Unlike wall time, it does not count the time the fork waits while another process has
 * the CPU, which on a shared two-core machine keeps two benchmarks more comparable (caches and
 * memory bandwidth are still shared). Reported as {@code :cpu} in ms/op.
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuBefore;

  @Override
  public String getDescription() {
    return "process CPU time per operation (all threads of the fork, GC included)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuBefore = os.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpuNanos = os.getProcessCpuTime() - cpuBefore;
    long ops = result.getMetadata().getAllOps();
    if (cpuBefore < 0 || ops <= 0) {
      return List.of();
    }
    return List.of(new ScalarResult("cpu", cpuNanos / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
  }
}
