/**
 * Benchmark support (issue 8), inert unless asked for: the province-scale data generator (runs only when
 * {@code cdht.generate.citizens} is set, then exits) and the framework-floor page of the load harness (served only
 * when {@code cdht.bench.floor=true}). See bench/run-all.sh and BENCHMARKS.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "report", "shared"})
package vn.khuyenhoc.cdht.benchdata;
