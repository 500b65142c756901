package io.github.scansante.replica;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the replica.
 *
 * @param port TCP port on 127.0.0.1, 0 for any free port
 * @param seed fixes the synthetic dataset and the pseudo-random faults
 * @param faults which requests to answer badly ({@link FaultSpec#NONE} for none)
 * @param newestYearUpdate the date the echo gives for the newest year's last update
 * @param newestPeriod the "Période" of the newest year ({@code M1} … {@code M12}); it also scales
 *     that year's figures to as many months
 * @param landingPath path of the landing page with the filter form
 * @param submitPath path of the results endpoint
 * @param requestLogFile CSV file each request is appended to as it arrives, or null
 * @param threads request-handling threads (a slow answer holds one)
 * @param formMarkup how the landing page marks up its form
 * @param echoRename which criteria-echo line is captioned unlike the site's, if any
 * @param zoneAnswers how region and department tables relate to the national ones
 */
public record ReplicaConfig(int port, long seed, FaultSpec faults, String newestYearUpdate, String newestPeriod,
    String landingPath, String submitPath, Path requestLogFile, int threads, FormMarkup formMarkup,
    EchoRename echoRename, ZoneAnswers zoneAnswers) {

  public static final String DEFAULT_LANDING_PATH = "/applications/cartographie-activite-MCO";
  public static final String DEFAULT_SUBMIT_PATH = DEFAULT_LANDING_PATH + "/submit";
  public static final long DEFAULT_SEED = 20250722L;
  public static final String DEFAULT_NEWEST_YEAR_UPDATE = "22 juillet 2025";
  public static final String DEFAULT_NEWEST_PERIOD = "M7";

  public ReplicaConfig {
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(newestYearUpdate, "newestYearUpdate");
    Objects.requireNonNull(formMarkup, "formMarkup");
    Objects.requireNonNull(echoRename, "echoRename");
    Objects.requireNonNull(zoneAnswers, "zoneAnswers");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    if (newestPeriod == null || !newestPeriod.matches("M([1-9]|1[0-2])")) {
      throw new IllegalArgumentException("newestPeriod must be M1 to M12, not " + newestPeriod);
    }
    if (landingPath == null || submitPath == null || !landingPath.startsWith("/") || !submitPath.startsWith("/")
        || landingPath.equals(submitPath)) {
      throw new IllegalArgumentException("landing and submit paths must be distinct absolute paths, not "
          + landingPath + " and " + submitPath);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
  }

  public static ReplicaConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Months of data in the newest year, from its period. */
  public int newestYearMonths() {
    return Integer.parseInt(newestPeriod.substring(1));
  }

  /** Builds a {@link ReplicaConfig}; every setting has a default. */
  public static final class Builder {
    private int port;
    private long seed = DEFAULT_SEED;
    private FaultSpec faults = FaultSpec.NONE;
    private String newestYearUpdate = DEFAULT_NEWEST_YEAR_UPDATE;
    private String newestPeriod = DEFAULT_NEWEST_PERIOD;
    private String landingPath = DEFAULT_LANDING_PATH;
    private String submitPath = DEFAULT_SUBMIT_PATH;
    private Path requestLogFile;
    private int threads = 8;
    private FormMarkup formMarkup = FormMarkup.LABELS;
    private EchoRename echoRename = EchoRename.NONE;
    private ZoneAnswers zoneAnswers = ZoneAnswers.AS_NATIONAL;

    private Builder() {}

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder faults(FaultSpec faults) {
      this.faults = faults;
      return this;
    }

    /** @throws IllegalArgumentException if the spec is invalid */
    public Builder faults(String spec) {
      this.faults = FaultSpec.parse(spec);
      return this;
    }

    public Builder newestYearUpdate(String text) {
      this.newestYearUpdate = text;
      return this;
    }

    public Builder newestPeriod(String period) {
      this.newestPeriod = period;
      return this;
    }

    public Builder landingPath(String path) {
      this.landingPath = path;
      return this;
    }

    public Builder submitPath(String path) {
      this.submitPath = path;
      return this;
    }

    public Builder requestLogFile(Path file) {
      this.requestLogFile = file;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder formMarkup(FormMarkup markup) {
      this.formMarkup = markup;
      return this;
    }

    public Builder echoRename(EchoRename rename) {
      this.echoRename = rename;
      return this;
    }

    public Builder zoneAnswers(ZoneAnswers answers) {
      this.zoneAnswers = answers;
      return this;
    }

    public ReplicaConfig build() {
      return new ReplicaConfig(port, seed, faults, newestYearUpdate, newestPeriod, landingPath, submitPath,
          requestLogFile, threads, formMarkup, echoRename, zoneAnswers);
    }
  }
}
