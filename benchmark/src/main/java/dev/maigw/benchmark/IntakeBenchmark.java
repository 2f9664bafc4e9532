package dev.maigw.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The intake benchmark command: runs every scenario against the durable and the no-op endpoint,
 * checks the store, prints a report and writes it as Markdown. Run with {@code --help} for the
 * options; {@code bin/bench-intake} starts a gateway and runs this against it.
 */
public final class IntakeBenchmark {

  private static final Duration RSS_INTERVAL = Duration.ofMillis(250);
  private static final DateTimeFormatter FILE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final BenchmarkOptions options;
  private final Clock clock;
  private final PrintStream out;

  IntakeBenchmark(BenchmarkOptions options, Clock clock, PrintStream out) {
    this.options = options;
    this.clock = clock;
    this.out = out;
  }

  /** Runs the command and exits with its status (see {@code --help}). */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Clock.systemUTC()));
  }

  /** Runs the command; returns 0 on success, 1 if the store check failed, 2 on a usage error. */
  static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
    if (BenchmarkOptions.wantsHelp(args)) {
      out.print(BenchmarkOptions.USAGE);
      return 0;
    }
    try {
      BenchmarkOptions options = BenchmarkOptions.parse(args);
      return new IntakeBenchmark(options, clock, out).execute();
    } catch (BenchmarkException e) {
      err.println("error: " + e.getMessage());
      err.println("Run with --help for the options.");
      return 2;
    }
  }

  int execute() {
    Instant startedAt = clock.instant();
    RequestIds ids = RequestIds.forRun(clock, new SplittableRandom());
    WebhookRequestTemplate durableRequests = new WebhookRequestTemplate(options.durable(), ids);
    WebhookRequestTemplate noopRequests =
        options.noop() == null ? null : new WebhookRequestTemplate(options.noop(), ids);
    List<ScenarioResult> results = new ArrayList<>();
    try (RssSampler rss = options.pid() > 0 ? new RssSampler(options.pid(), RSS_INTERVAL) : null) {
      for (Scenario scenario : plan(options)) {
        WebhookRequestTemplate requests =
            scenario.endpoint() == Scenario.Endpoint.DURABLE ? durableRequests : noopRequests;
        out.printf("%-22s %-8s ", scenario.name(), scenario.endpoint().label());
        out.flush();
        ScenarioResult result =
            new LoadScenario(clock)
                .run(scenario, requests, options.warmup(), options.duration(), rss);
        out.printf(
            Locale.ROOT,
            "%s req/s, p99 %s ms, non-200 %d, io errors %d%n",
            Report.number(result.requestsPerSecond()),
            Report.millis(result.latencyMillis(99)),
            result.non200(),
            result.ioErrors());
        results.add(result);
      }
    }
    String check = checkStore(ids, results);
    int bodyBytes = durableRequests.newRequest().length - durableRequests.bodyOffset();
    Report report = new Report(ids, startedAt, options, bodyBytes, results, check);
    out.println();
    out.print(report.plain());
    out.println();
    out.println("Markdown report: " + writeMarkdown(report, startedAt));
    return check == null || check.startsWith("PASS") ? 0 : 1;
  }

  /** Durable then no-op at each concurrency, then both at the fixed rate. */
  static List<Scenario> plan(BenchmarkOptions options) {
    List<Load> loads = new ArrayList<>();
    options.concurrencies().forEach(c -> loads.add(new Load.ClosedLoop(c)));
    if (options.rate() > 0) {
      loads.add(new Load.FixedRate(options.rate(), options.rateConnections()));
    }
    List<Scenario> plan = new ArrayList<>();
    for (Load load : loads) {
      plan.add(new Scenario(plan.size(), Scenario.Endpoint.DURABLE, options.durable(), load));
      if (options.noop() != null) {
        plan.add(new Scenario(plan.size(), Scenario.Endpoint.NOOP, options.noop(), load));
      }
    }
    if (plan.size() > RequestIds.MAX_SCENARIOS) {
      throw new BenchmarkException("Too many scenarios; at most: " + RequestIds.MAX_SCENARIOS);
    }
    return plan;
  }

  /** The check's verdict line, or null if no database was given. */
  private String checkStore(RequestIds ids, List<ScenarioResult> results) {
    if (options.sqlite() == null && options.jdbcUrl() == null) {
      return null;
    }
    List<ConnectionLog> durableLogs =
        results.stream()
            .filter(r -> r.scenario().endpoint() == Scenario.Endpoint.DURABLE)
            .flatMap(r -> r.logs().stream())
            .toList();
    try (Connection connection =
        options.sqlite() != null
            ? StoreChecker.openSqliteReadOnly(options.sqlite())
            : StoreChecker.openJdbcReadOnly(options.jdbcUrl())) {
      return StoreChecker.check(connection, ids, durableLogs).verdict();
    } catch (BenchmarkException | SQLException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return "FAIL (store not readable): " + e.getMessage() + " (" + cause.getMessage() + ")";
    }
  }

  private Path writeMarkdown(Report report, Instant startedAt) {
    Path file =
        options.out() != null
            ? options.out()
            : Path.of("bench-results", "intake-" + FILE_STAMP.format(startedAt) + ".md");
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, report.markdown(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new BenchmarkException("Cannot write the report file: " + file, e);
    }
  }
}
