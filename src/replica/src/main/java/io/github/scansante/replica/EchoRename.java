package io.github.scansante.replica;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which line of the criteria echo the replica words differently from the site, as the site could
 * after a redesign: the line is there and right, under a caption the pipeline does not expect.
 */
public enum EchoRename {
  NONE("", ""),
  YEAR("Année", "Exercice"),
  ZONE("Zone géographique", "Territoire"),
  BASE("Catégorie d'établissement", "Type d'établissement"),
  GROUPING("Choix de regroupement", "Regroupement retenu");

  private final String caption;
  private final String renamed;

  EchoRename(String caption, String renamed) {
    this.caption = caption;
    this.renamed = renamed;
  }

  /** The caption the echo line gets, given the one the site uses. */
  String caption(String siteCaption) {
    return this != NONE && siteCaption.equals(caption) ? renamed : siteCaption;
  }

  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException naming the accepted lines */
  public static EchoRename parse(String name) {
    for (EchoRename r : values()) {
      if (r != NONE && r.optionName().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("echo line to rename must be one of "
        + Arrays.stream(values()).filter(r -> r != NONE).map(EchoRename::optionName).collect(Collectors.joining("|"))
        + ", not '" + name + "'");
  }
}
