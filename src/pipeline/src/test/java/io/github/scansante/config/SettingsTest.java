package io.github.scansante.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.plan.YearRange;
import io.github.scansante.run.RefreshPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The typed settings, read through Camel's resolver from the jar's application.properties. */
class SettingsTest {

  @Test
  void the_defaults_are_read_typed_and_grouped_by_concern() {
    Settings s = Settings.standalone(Map.of());
    assertEquals("https://www.scansante.fr", s.site().url());
    assertEquals(List.of("snatnav", "annee", "tgeo", "codegeo", "base", "typrgp", "A50", "CAS", "DA", "GP", "racine", "GHM"),
        s.site().formFields());
    assertEquals(2000, s.politeness().periodMs());
    assertEquals(2000, s.politeness().effectivePeriodMs());
    assertEquals(4, s.retry().maxRetries());
    assertEquals(2.0, s.retry().multiplier());
    assertEquals(5, s.circuit().failureThreshold());
    assertEquals(20_000_000, s.page().maxBytes());
    assertEquals(StandardCharsets.UTF_8, s.page().charset());
    assertEquals(new PlanSettings("strategic", YearRange.ALL, 0), s.plan());
    assertEquals(RefreshPolicy.Mode.ALL, s.output().refresh());
    assertEquals(RefreshPolicy.Mode.CHANGED, s.schedule().refresh());
    assertEquals("0 0 3 ? * MON", s.schedule().cron());
  }

  @Test
  void the_properties_file_is_read_as_camel_reads_it_iso_8859_1_with_escapes() {
    // application.properties writes these as \\u00e9 escapes; a UTF-8 reader of a raw é would differ.
    PageSettings page = Settings.standalone(Map.of()).page();
    assertEquals("Ann\u00e9e", page.echoYearPrefix());
    assertEquals("Cat\u00e9gorie d'\u00e9tablissement", page.echoBasePrefix());
  }

  @Test
  void overrides_win_and_placeholders_stay_literal_as_in_camel_main() {
    Settings s = Settings.standalone(Map.of("throttle.period-ms", "2500", "plan.years", "2020-2022",
        "site.url", "http://127.0.0.1:8080/", "output.dir", "{{demo.output-dir}}-copy"));
    assertEquals(2500, s.politeness().periodMs());
    assertEquals(new YearRange(2020, 2022), s.plan().years());
    assertEquals("http://127.0.0.1:8080", s.site().url(), "the trailing slash is dropped");
    // camel.component.properties.nested-placeholder = false: a folder may be named {{...}}.
    assertEquals("{{demo.output-dir}}-copy", s.output().dir());
  }

  @ParameterizedTest(name = "{0} on loopback: {1}")
  @CsvSource({
      "http://127.0.0.1:8080, true",
      "http://127.8.9.10, true",
      "http://localhost:1234, true",
      "http://[::1]:8080, true",
      "https://www.scansante.fr, false",
      "http://127.0.0.1.example.org, false",
      "http://192.168.1.10, false",
      "http://[2001:db8::1], false",
  })
  void loopback_is_judged_from_the_url_alone(String url, boolean loopback) {
    assertEquals(loopback, Settings.standalone(Map.of("site.url", url)).site().onLoopback());
  }

  @Test
  void a_short_delay_for_a_distant_site_needs_an_explicit_confirmation() {
    Settings unconfirmed = Settings.standalone(Map.of("throttle.period-ms", "500"));
    InvalidSettingException e = assertThrows(InvalidSettingException.class, unconfirmed::checkPoliteness);
    assertEquals("throttle.period-ms", e.key());
    assertTrue(e.getMessage().contains("--unsafe-delay"), e.getMessage());
    assertDoesNotThrow(Settings.standalone(Map.of("throttle.period-ms", "500", "throttle.unsafe-delay", "true"))::checkPoliteness);
    assertDoesNotThrow(Settings.standalone(Map.of("throttle.disabled", "true", "site.url", "http://localhost:9"))::checkPoliteness);
    InvalidSettingException off = assertThrows(InvalidSettingException.class,
        Settings.standalone(Map.of("throttle.disabled", "true"))::checkPoliteness);
    assertEquals("throttle.disabled", off.key());
  }

  @Test
  void a_bound_that_depends_on_another_key_is_checked_against_it() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> Settings.standalone(Map.of("retry.initial-delay-ms", "5000", "retry.max-delay-ms", "4000")));
    assertEquals("retry.max-delay-ms", e.key());
    assertTrue(e.getMessage().contains("from 5000 to"), e.getMessage());
    assertFalse(e.getMessage().contains("Exception"));
  }
}
