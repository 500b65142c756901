package io.github.scansante.cli;

import io.github.scansante.replica.EchoRename;
import io.github.scansante.replica.FaultSpec;
import io.github.scansante.replica.FormMarkup;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ZoneAnswers;
import io.github.scansante.text.UserText;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the replica behaves, for {@code simulate} and {@code demo}. */
class ReplicaOptions {

  private static final int MESSAGE_CHARS = 300;

  @Option(names = "--faults", paramLabel = "SPEC", description = "Injected faults, e.g. 503:every=5:retry-after=1,429:rate=0.05,reset:every=7,ignore-grouping:every=3 (see the README).")
  String faults;

  @Option(names = "--form-markup", paramLabel = "SHAPE", description = "How the landing page marks up its form: labels (default), plain-text, wrapping, fieldset, worded or no-value.")
  String formMarkup;

  @Option(names = "--echo-rename", paramLabel = "LINE", description = "Caption one criteria-echo line unlike the site: year, zone, base or grouping.")
  String echoRename;

  @Option(names = "--zone-tables", paramLabel = "MODE", description = "How region and department tables relate to the national ones: as-national (default), refused (every zone query refused) or count-differently:YEAR[+YEAR] (they count differently in those years).")
  String zoneTables;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the synthetic dataset (default demo.seed).")
  Long seed;

  /** @param defaultSeed demo.seed, used unless --seed is given */
  ReplicaConfig config(int port, Path requestLog, long defaultSeed) {
    try {
      ReplicaConfig.Builder b = ReplicaConfig.builder().port(port)
          .seed(seed != null ? seed : defaultSeed)
          .faults(faults == null ? FaultSpec.NONE : FaultSpec.parse(faults))
          .formMarkup(formMarkup == null ? FormMarkup.LABELS : FormMarkup.parse(formMarkup))
          .echoRename(echoRename == null ? EchoRename.NONE : EchoRename.parse(echoRename))
          .zoneAnswers(zoneTables == null ? ZoneAnswers.AS_NATIONAL : ZoneAnswers.parse(zoneTables));
      if (requestLog != null) {
        b.requestLogFile(requestLog);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(UserText.clip(e.getMessage(), MESSAGE_CHARS));
    }
  }
}
