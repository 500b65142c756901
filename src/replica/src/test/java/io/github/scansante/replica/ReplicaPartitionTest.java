package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zones and groupings partition the data exactly: pages agree with each other and with the truth. */
class ReplicaPartitionTest {

  private static final SiteFilterTree CATALOGUE = SiteFilterTree.builtIn();
  private static ReplicaServer replica;
  private static SyntheticDataset data;

  @BeforeAll
  static void start() {
    replica = ReplicaServer.start(ReplicaConfig.defaults());
    data = replica.dataset();
  }

  @AfterAll
  static void stop() {
    replica.close();
  }

  @Test
  void regionPagesTogetherAreTheFrancePage() throws Exception {
    Pages.Page france = Pages.submit(replica, "annee=2022&tgeo=fe&codegeo=99&base=bpri&typrgp=tous");
    List<List<String>> fromRegions = new ArrayList<>();
    for (String region : CATALOGUE.codes("zone-re")) {
      fromRegions.addAll(Pages.submit(replica, "annee=2022&tgeo=re&codegeo=" + region + "&base=bpri&typrgp=tous").rows());
    }
    fromRegions.sort(java.util.Comparator.comparing(r -> r.get(1)));
    assertEquals(france.rows(), fromRegions, "same rows, none twice, none missing");
  }

  @Test
  void departmentPagesTogetherAreTheirRegionsPage() throws Exception {
    Pages.Page region = Pages.submit(replica, "annee=2024&tgeo=re&codegeo=11&base=bpub&typrgp=rgpGHM&A50=C");
    List<List<String>> fromDepartments = new ArrayList<>();
    for (SiteFilterTree.FormOption d : CATALOGUE.options("zone-de")) {
      if (d.parent().equals("11")) {
        fromDepartments.addAll(Pages.submit(replica,
            "annee=2024&tgeo=de&codegeo=" + d.code() + "&base=bpub&typrgp=rgpGHM&A50=C").rows());
      }
    }
    fromDepartments.sort(java.util.Comparator.comparing(r -> r.get(1)));
    assertEquals(region.rows(), fromDepartments);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2015", "2020", "2024"})
  void zonesPartitionEveryBaseInTheTruth(String year) {
    for (String base : SyntheticDataset.BASES) {
      List<SyntheticDataset.Row> france = data.table(year, base, "fe", "99", Grouping.ALL);
      List<SyntheticDataset.Row> regions = new ArrayList<>();
      for (String region : CATALOGUE.codes("zone-re")) {
        List<SyntheticDataset.Row> inRegion = data.table(year, base, "re", region, Grouping.ALL);
        List<SyntheticDataset.Row> departments = new ArrayList<>();
        for (SiteFilterTree.FormOption d : CATALOGUE.options("zone-de")) {
          if (d.parent().equals(region)) {
            departments.addAll(data.table(year, base, "de", d.code(), Grouping.ALL));
          }
        }
        departments.sort(java.util.Comparator.comparing(r -> r.establishment().finess()));
        assertEquals(inRegion, departments, "departments of region " + region);
        regions.addAll(inRegion);
      }
      regions.sort(java.util.Comparator.comparing(r -> r.establishment().finess()));
      assertEquals(france, regions, "regions of France, " + base + " " + year);
    }
  }

  /**
   * A50 covers everything but séances (S) and errors (Z); séances are not stays, so per
   * establishment M + C + O stays = all stays − error stays, and its séances are CAS S's séances.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2016", "2024"})
  void activitiesAddUpToAllStaysLessErrors(String year) {
    int checked = 0;
    for (Establishment e : data.establishments()) {
      Figures all = data.figures(year, e, Grouping.ALL);
      Figures errors = data.figures(year, e, new Grouping("CAS", "Z"));
      Figures seances = data.figures(year, e, new Grouping("CAS", "S"));
      Figures mco = Figures.ZERO;
      for (String a50 : List.of("M", "C", "O")) {
        mco = mco.plus(data.figures(year, e, new Grouping("A50", a50)));
      }
      assertEquals(all.stays() - errors.stays(), mco.stays(), e.finess());
      assertEquals(all.hc() - errors.hc(), mco.hc(), e.finess());
      assertEquals(all.hp() - errors.hp(), mco.hp(), e.finess());
      assertEquals(0, mco.seances());
      assertEquals(all.seances(), seances.seances(), e.finess());
      assertEquals(0, seances.stays());
      checked += all.isEmpty() ? 0 : 1;
    }
    assertTrue(checked > 1_300, "most establishments are active: " + checked);
    assertTrue(data.establishments().stream().anyMatch(e -> data.figures(year, e, new Grouping("CAS", "Z")).stays() > 0),
        "error stays exist, so the rule is tested");
  }

  @Test
  void everyGroupingFieldPartitionsAllStaysAndSeances() {
    String year = "2019";
    for (String field : SiteFilterTree.GROUPING_FIELDS) {
      if (field.equals("A50")) {
        continue; // covered above: A50 leaves out séances and errors
      }
      for (Establishment e : data.establishments()) {
        Figures parts = Figures.ZERO;
        for (String code : CATALOGUE.codes(field)) {
          parts = parts.plus(data.figures(year, e, new Grouping(field, code)));
        }
        assertEquals(data.figures(year, e, Grouping.ALL), parts, field + " for " + e.finess());
      }
    }
  }

  @Test
  void planningGroupsRollUpByTheStatedRules() {
    GroupingTree tree = data.tree();
    assertEquals(84, tree.size());
    Map<Character, String> cas = Map.of('C', "C", 'K', "PI", 'N', "O15", 'O', "O14", 'S', "S", 'X', "X", 'Z', "Z");
    Map<Character, String> a50 = Map.of('C', "C", 'K', "M", 'X', "M", 'N', "O", 'O', "O", 'S', "", 'Z', "");
    for (GroupingTree.Gp gp : tree.gps()) {
      assertEquals(cas.get(gp.code().charAt(0)), gp.cas(), gp.code());
      assertEquals(a50.get(gp.code().charAt(0)), gp.a50(), gp.code());
      assertTrue(CATALOGUE.offers("DA", gp.da()), gp.code() + " → " + gp.da());
    }
    for (String da : CATALOGUE.codes("DA")) {
      assertTrue(tree.gps().stream().anyMatch(gp -> gp.da().equals(da)), "domain " + da + " has planning groups");
    }
    assertEquals("D27", tree.gp("S04").da());
    assertEquals("D90", tree.gp("Z99").da());
  }
}
