/**
 * A local replica of the ScanSanté "cartographie-activite-MCO" application, for the pipeline's
 * tests, benchmarks and demo: the live site cannot be reached from the project's machines.
 *
 * <p>{@link io.github.scansante.replica.ReplicaServer} serves, on 127.0.0.1, the landing page with
 * the filter form and the results endpoint, whose pages follow the markup of pages captured from
 * the real site. The answers follow the contract observed there (see {@code site-contract.md}):
 * refusals for unknown codes and for {@code base=ball}, a blank grouping line above the unfiltered
 * table when the grouping is not recognised, the Total-only table when nothing matches. The figures
 * come from {@link io.github.scansante.replica.SyntheticDataset}, invented but coherent: zones and
 * groupings partition the data exactly, so a pipeline's cross-checks can be tested. Faults are
 * injected deterministically from a {@link io.github.scansante.replica.FaultSpec}, and every
 * request is kept in a {@link io.github.scansante.replica.RequestLog}.
 */
package io.github.scansante.replica;
