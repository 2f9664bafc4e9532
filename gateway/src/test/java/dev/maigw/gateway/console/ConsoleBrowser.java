package dev.maigw.gateway.console;

import dev.maigw.gateway.support.RunningGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through chromedriver, signed in to a test gateway's console.
 * Fails loudly when chromium is missing: CI installs it (see {@code .ci/run}), a developer runs
 * {@code apt-get install -y chromium chromium-driver}.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final RunningGateway gateway;
  private final Path profile;

  ConsoleBrowser(RunningGateway gateway) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "The console's browser tests need Debian's chromium and chromedriver at "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ": apt-get install -y chromium chromium-driver (.ci/run installs them).");
    }
    this.gateway = gateway;
    try {
      this.profile = Files.createTempDirectory("maigw-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,800",
        "--user-data-dir=" + profile);
    // Leave any dialog open, so a test can see that a payload raised one.
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(1280, 800));
  }

  void open(String path) {
    driver.get(gateway.url(path));
  }

  void signIn() {
    open("/console/sign-in");
    driver.findElement(By.id("api-key")).sendKeys(RunningGateway.API_KEY);
    driver.findElement(By.id("sign-in")).click();
    waitFor(() -> driver.getCurrentUrl().endsWith("/console/"));
  }

  /**
   * Clicks a link or submit button and waits until the next page has replaced this one, so what the
   * test reads next is never the old page.
   */
  void clickAndLoad(String css) {
    // A mark on the old page's window object: a new document has none. (Checking the old <html>
    // element for staleness races chromium's navigation and can fail with an inspector error.)
    driver.executeScript("window.__maigwLeaving = true;");
    find(css).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "return window.__maigwLeaving === undefined"
                            + " && document.readyState === 'complete';")));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return find(css).getText();
  }

  void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
  }

  /** Whether a dialog (alert, confirm, prompt) is open: the sign of a script that ran. */
  boolean dialogOpen() {
    try {
      driver.switchTo().alert();
      return true;
    } catch (NoAlertPresentException e) {
      return false;
    }
  }

  /** The browser console's messages since the last call (CSP violations are reported there). */
  List<String> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Saves a screenshot of the page as {@code docs/console/<name>.png} in the repository. */
  void screenshot(String name) {
    Path docs = Path.of("..", "docs", "console");
    try {
      Files.createDirectories(docs);
      Files.write(docs.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
