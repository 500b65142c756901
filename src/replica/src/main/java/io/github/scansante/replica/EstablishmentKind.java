package io.github.scansante.replica;

/** The kinds of establishment the generator knows, with the site's category code and base. */
enum EstablishmentKind {
  UNIVERSITY("CHR/U", "bpub"),
  GENERAL("CH", "bpub"),
  CANCER("CLCC", "bpub"),
  NON_PROFIT("PSPH/EBNL", "bpub"),
  /** Non-profit centres with séances only, e.g. dialysis: zero stays, thousands of séances. */
  DIALYSIS_CENTRE("PSPH/EBNL", "bpub"),
  CLINIC("OQN", "bpri"),
  /** Private dialysis, chemotherapy or radiotherapy centres: séances only. */
  PRIVATE_CENTRE("OQN", "bpri");

  final String category;
  final String base;

  EstablishmentKind(String category, String base) {
    this.category = category;
    this.base = base;
  }
}
