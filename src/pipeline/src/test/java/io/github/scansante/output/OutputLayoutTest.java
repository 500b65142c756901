package io.github.scansante.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.scansante.plan.Combination;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {

  private final OutputLayout layout = OutputLayout.standard();

  @Test
  void keeps_the_previous_tools_hierarchy_and_names() {
    assertEquals("01_France_entiere/A_Publics_PSPH/1_Tous_sejours/2024_tous_sejours.csv",
        layout.relativePath(Combination.allStays("2024", "fe", "99", "bpub")));
    assertEquals("01_France_entiere/B_Prives_OQN/2_Activites_soins/2019_activite_obstetrique.csv",
        layout.relativePath(new Combination("2019", "fe", "99", "bpri", "A50", "O")));
    assertEquals("01_France_entiere/C_Tous_etablissements/3_Categories_activites/2024_categorie_nouveau_nes.csv",
        layout.relativePath(new Combination("2024", "fe", "99", "ball", "CAS", "O15")));
    assertEquals("02_Departements/A_Publics_PSPH/1_Tous_sejours/2024_tous_sejours_dept75.csv",
        layout.relativePath(Combination.allStays("2024", "de", "75", "bpub")));
  }

  @Test
  void extends_the_scheme_to_regions_domains_and_planning_groups() {
    assertEquals("03_Regions/A_Publics_PSPH/1_Tous_sejours/2024_tous_sejours_reg11.csv",
        layout.relativePath(Combination.allStays("2024", "re", "11", "bpub")));
    assertEquals("02_Departements/B_Prives_OQN/4_Domaines_activite/2022_domaine_D01_dept2A.csv",
        layout.relativePath(new Combination("2022", "de", "2A", "bpri", "DA", "D01")));
    assertEquals("01_France_entiere/A_Publics_PSPH/5_Groupes_planification/2024_gp_C09.csv",
        layout.relativePath(new Combination("2024", "fe", "99", "bpub", "GP", "C09")));
  }

  @Test
  void no_code_can_leave_the_output_folder() {
    String path = layout.relativePath(new Combination("2024", "..", "../..", "x/../../y", "A50", ".."));
    assertFalse(path.contains(".."), path);
    assertFalse(path.startsWith("/"), path);
    assertEquals(4, path.split("/").length, path);
  }
}
