package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.scansante.plan.Combination;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteQueryTest {

  private final SiteQuery query = new SiteQuery(List.of("snatnav", "annee", "tgeo", "codegeo", "base", "typrgp", "A50", "CAS", "DA", "GP", "racine", "GHM"));

  @Test
  void sends_every_form_field_in_order_empty_when_unused() {
    assertEquals("snatnav=&annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=tous&A50=&CAS=&DA=&GP=&racine=&GHM=",
        query.encode(Combination.allStays("2024", "fe", "99", "bpub")));
  }

  @Test
  void a_grouping_goes_in_its_own_field_with_rgpGHM() {
    // A-five-zero, never the misspelt ASO that the site silently ignored.
    assertEquals("snatnav=&annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&A50=M&CAS=&DA=&GP=&racine=&GHM=",
        query.encode(new Combination("2024", "fe", "99", "bpub", "A50", "M")));
  }

  @Test
  void values_are_url_encoded_because_camel_sends_the_query_raw() {
    assertEquals("snatnav=&annee=2024&tgeo=de&codegeo=2A&base=b+p%26x&typrgp=tous&A50=&CAS=&DA=&GP=&racine=&GHM=",
        query.encode(Combination.allStays("2024", "de", "2A", "b p&x")));
  }

  @Test
  void a_grouping_the_form_does_not_have_is_a_bug_not_a_silent_drop() {
    assertThrows(IllegalArgumentException.class, () -> query.encode(new Combination("2024", "fe", "99", "bpub", "ASO", "M")));
  }
}
