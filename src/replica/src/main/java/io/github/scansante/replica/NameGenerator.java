package io.github.scansante.replica;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Invents establishment names in the site's style (upper case, accents, abbreviations such as CH,
 * CHU, HL), with the odd comma, apostrophe or ampersand that downstream CSV and HTML code must
 * survive. Towns are made of syllables so that no real establishment is named.
 */
final class NameGenerator {

  private static final List<String> HEADS = List.of("BEAU", "VAL", "MONT", "ROCHE", "FONT", "BOURG",
      "CHÂTEAU", "MAR", "LOR", "BRI", "SAN", "TOUR", "NEU", "CLAIR", "BEL", "LUN", "VER", "GAR",
      "SOL", "ROUS", "BOIS", "PRÉ", "AUB", "CHAM", "VILLE", "SAU", "MÉ", "GRAN", "ISS", "LAN");
  private static final List<String> TAILS = List.of("VILLE", "AC", "ON", "Y", "ANS", "IÈRES",
      "EUIL", "ÉVILLE", "OIS", "IGNY", "ERNE", "ANNES", "ESQUE", "AUX", "OUX", "ET", "ELLE", "ANGE");
  private static final List<String> SUFFIXES = List.of("-SUR-MER", "-LES-BAINS", "-EN-VALLÉE",
      "-SUR-LOIRE", "-LE-VIEUX", "-D'EN-HAUT", "-LA-FORÊT");
  private static final List<String> SAINTS = List.of("SAINT-JOSEPH", "SAINTE-MARIE", "SAINT-LUC",
      "SAINT-VINCENT", "SAINTE-ANNE", "SAINT-MARTIN", "SAINT-ROCH", "NOTRE-DAME", "SAINT-JEAN",
      "SAINTE-THÉRÈSE", "SAINT-FRANÇOIS", "SAINT-PIERRE");
  private static final List<String> PEOPLE = List.of("PASTEUR", "CURIE", "LAËNNEC", "BÉCLÈRE",
      "PARÉ", "BROCA", "CHARCOT", "ROUX", "CALMETTE", "BICHAT", "CORVISART", "D'ARSONVAL",
      "TROUSSEAU", "LARREY", "VÉSALE", "DUNANT");
  private static final List<String> PLACES = List.of("DU PARC", "DES LILAS", "DU LAC", "DES CÈDRES",
      "DU VAL", "DES SOURCES", "DE L'ESPÉRANCE", "DU CHÂTEAU", "DES PINS", "DU MOULIN");

  private final SplittableRandom rnd;

  NameGenerator(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  String name(EstablishmentKind kind) {
    String name = switch (kind) {
      case UNIVERSITY -> pick("CHU DE ", "CHU DE ", "CHR ", "CHRU DE ") + town();
      case GENERAL -> pick("CH DE ", "CH DE ", "CH ", "CHI ", "HL DE ", "CH INTERCOMMUNAL DE ") + town();
      case CANCER -> pick("INSTITUT ", "CENTRE ", "CLCC ") + pick(PEOPLE);
      case NON_PROFIT -> pick("HÔPITAL " + pick(SAINTS), "GH MUTUALISTE DE " + town(),
          "FONDATION " + pick(PEOPLE), "HÔPITAL PRIVÉ NON LUCRATIF " + town(), "CENTRE MÉDICAL " + pick(PEOPLE));
      case DIALYSIS_CENTRE -> pick("AURA ", "ASSOCIATION DIALYSE ", "CENTRE DE DIALYSE ") + town();
      case CLINIC -> pick("CLINIQUE " + pick(SAINTS), "POLYCLINIQUE DE " + town(), "HÔPITAL PRIVÉ DE " + town(),
          "CLINIQUE " + pick(PLACES), "CLINIQUE " + twoPlaces());
      case PRIVATE_CENTRE -> pick("CENTRE DE RADIOTHÉRAPIE ", "CENTRE D'HÉMODIALYSE ", "ONCOLOGIE ") + town();
    };
    // The real site has such names, e.g. "CH DE X, EX H.L.".
    return rnd.nextInt(40) == 0 ? name + ", SITE " + town() : name;
  }

  private String twoPlaces() {
    String first = pick(PLACES);
    String second = pick(PLACES);
    return second.equals(first) ? first : first + " & " + second;
  }

  private String town() {
    String town = pick(HEADS) + pick(TAILS);
    int r = rnd.nextInt(10);
    if (r == 0) {
      return "SAINT-" + town + pick(SUFFIXES);
    }
    return r < 3 ? town + pick(SUFFIXES) : town;
  }

  private String pick(String... options) {
    return options[rnd.nextInt(options.length)];
  }

  private String pick(List<String> options) {
    return options.get(rnd.nextInt(options.size()));
  }
}
