package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.plan.Combination;
import org.junit.jupiter.api.Test;

class FormDiscoveryTest {

  private static final String FORM = """
      <html><body><form id="filtres" action="submit">
        <input type="hidden" name="snatnav" value="">
        <select name="annee"><option value="2024">2024</option><option value="2023">2023</option></select>
        <input type="radio" name="tgeo" value="fe" id="t-fe"><label for="t-fe">France Entière</label>
        <input type="radio" name="tgeo" value="de" id="t-de"><label for="t-de">Département</label>
        <select name="codegeo">
          <optgroup label="France Entière" data-tgeo="fe"><option value="99">France Entière</option></optgroup>
          <optgroup label="Département" data-tgeo="de"><option value="75">PARIS</option><option value="2A">CORSE-DU-SUD</option></optgroup>
        </select>
        <select name="base"><option value="bpub">Publics et PSPH</option><option value="bpri">Privés OQN</option></select>
        <input type="radio" name="typrgp" value="tous" id="g-t"><label for="g-t">Tous séjours/séances</label>
        <input type="radio" name="typrgp" value="rgpGHM" id="g-r"><label for="g-r">Regroupement</label>
        <select name="A50"><option value="">--</option><option value="M">Médecine</option></select>
        <input type="text" name="racine">
      </form></body></html>""";

  private final Catalogue form = new FormDiscovery().read(FORM, "http://replica/landing");

  @Test
  void reads_selects_and_radios_with_their_labels() {
    assertEquals(java.util.List.of("2024", "2023"), form.codes("annee"));
    assertEquals("Département", form.label("tgeo", "de").orElseThrow());
    assertEquals("Tous séjours/séances", form.label("typrgp", "tous").orElseThrow());
    assertEquals(java.util.List.of("M"), form.codes("A50"), "the empty option is no code");
    assertFalse(form.hasField("racine"), "free text constrains nothing");
  }

  @Test
  void zone_codes_are_filed_under_their_level() {
    assertEquals(java.util.List.of("75", "2A"), form.codes("zone-de"));
    assertEquals("France Entière", form.label("zone-fe", "99").orElseThrow());
    assertFalse(form.offers("zone-fe", "75"));
  }

  @Test
  void the_form_decides_what_may_be_sent() {
    SiteCatalogue site = new SiteCatalogue(Catalogue.builtIn());
    site.useForm(form);
    assertTrue(site.notOffered(Combination.allStays("2024", "de", "75", "bpub")).isEmpty());
    assertEquals("not offered by the site's form: base=ball",
        site.notOffered(Combination.allStays("2024", "fe", "99", "ball")).orElseThrow());
    assertTrue(site.notOffered(new Combination("2024", "fe", "99", "bpub", "CAS", "C")).isEmpty(),
        "a field the form does not show constrains nothing");
    assertEquals("not offered by the site's form: annee=2015, codegeo=13 (tgeo=de)",
        site.notOffered(Combination.allStays("2015", "de", "13", "bpub")).orElseThrow());
  }

  @Test
  void echo_expectations_use_the_catalogues_words_and_the_form_only_for_codes_it_lacks() {
    String worded = FORM.replace("<label for=\"g-t\">Tous séjours/séances</label>", "<label for=\"g-t\">Ensemble des séjours et séances</label>")
        .replace("<option value=\"M\">Médecine</option>", "<option value=\"M\">Activité de médecine</option><option value=\"Q\">Quasi-médecine</option>");
    SiteCatalogue site = new SiteCatalogue(Catalogue.builtIn());
    site.useForm(new FormDiscovery().read(worded, "http://replica/landing"));
    var echo = site.expectedEcho(new Combination("2024", "de", "2A", "bpri", "A50", "M"));
    assertEquals("2024", echo.year());
    assertEquals(Catalogue.builtIn().label("zone-de", "2A").orElseThrow(), echo.zoneLabel());
    assertEquals("Privés OQN", echo.baseLabel());
    assertEquals("Médecine", echo.groupingLabel(), "the catalogue's wording, taken from real answers");
    assertEquals("Tous séjours/séances", site.expectedEcho(Combination.allStays("2024", "fe", "99", "bpub")).groupingLabel());
    assertEquals("Quasi-médecine", site.expectedEcho(new Combination("2024", "fe", "99", "bpub", "A50", "Q")).groupingLabel(),
        "a code the catalogue lacks is expected in the form's words");
  }

  private static Catalogue read(String formBody) {
    return new FormDiscovery().read("<html><body><form>" + formBody + "</form></body></html>", "test");
  }

  @Test
  void a_radios_text_runs_up_to_the_next_control_or_line_break_never_the_whole_container() {
    Catalogue form = read("""
        <select name="annee"><option>2024</option><option> 2023\n</option></select>
        Choix du type<br>
        <input type="radio" name="typrgp" value="tous" checked>&nbsp;Tous   séjours/séances<br>
        <input type="radio" name="typrgp" value="rgpGHM"> <b>Regroupement</b> de GHM
        <select name="A50"><option></option><option value="M">Médecine</option></select>""");
    assertEquals(java.util.List.of("2024", "2023"), form.codes("annee"), "an option without a value submits its text");
    assertEquals("Tous séjours/séances", form.label("typrgp", "tous").orElseThrow());
    assertEquals("Regroupement de GHM", form.label("typrgp", "rgpGHM").orElseThrow());
    assertEquals(java.util.List.of("M"), form.codes("A50"));
  }

  @Test
  void a_wrapping_label_and_a_fieldset_legend() {
    Catalogue form = read("""
        <select name="annee"><option value="2024">2024</option></select>
        <fieldset><legend>Niveau géographique</legend>
          <label><input type="radio" name="tgeo" value="fe"> France   Entière</label>
          <input type="radio" name="tgeo" value="de"><span>DÉPARTEMENT</span><br>
          <input type="checkbox" name="base" value="bpub"> Publics et PSPH
        </fieldset>""");
    assertEquals("France Entière", form.label("tgeo", "fe").orElseThrow());
    assertEquals("DÉPARTEMENT", form.label("tgeo", "de").orElseThrow());
    assertEquals("Publics et PSPH", form.label("base", "bpub").orElseThrow(), "not the legend, not the fieldset");
  }

  @Test
  void a_label_that_cannot_be_told_apart_is_left_empty() {
    Catalogue form = read("""
        <select name="annee"><option value="2024">2024</option></select>
        <label>Niveau <input type="radio" name="tgeo" value="fe"><input type="radio" name="tgeo" value="de"></label>
        <table><tr><td><input type="radio" name="typrgp" value="tous"></td></tr></table>""");
    assertEquals("", form.label("tgeo", "fe").orElseThrow(), "a label around two controls names neither");
    assertEquals("", form.label("tgeo", "de").orElseThrow());
    assertEquals("", form.label("typrgp", "tous").orElseThrow());
    SiteCatalogue site = new SiteCatalogue(Catalogue.builtIn());
    site.useForm(form);
    assertEquals("Tous séjours/séances", site.expectedEcho(Combination.allStays("2024", "fe", "99", "bpub")).groupingLabel());
    FormComparison comparison = new FormComparison(Catalogue.builtIn(), form);
    assertEquals(java.util.List.of("tgeo=de", "tgeo=fe", "typrgp=tous"),
        comparison.unreadableLabels().stream().map(e -> e.field() + "=" + e.code()).toList());
  }

  @Test
  void the_comparison_lists_labels_worded_differently_but_not_noise() {
    Catalogue form = read("""
        <select name="annee"><option value="2024">2024</option></select>
        <select name="base"><option value="bpub">PUBLICS  et&nbsp;P.S.P.H.</option><option value="bpri">Établissements privés</option></select>""");
    FormComparison comparison = new FormComparison(Catalogue.builtIn(), form);
    assertEquals(java.util.List.of("base=bpri"), comparison.differingLabels().stream().map(e -> e.field() + "=" + e.code()).toList());
  }

  @Test
  void a_page_without_the_form_is_not_a_catalogue() {
    assertThrows(IllegalStateException.class, () -> new FormDiscovery().read("<html><p>maintenance</p></html>", "x"));
  }
}
