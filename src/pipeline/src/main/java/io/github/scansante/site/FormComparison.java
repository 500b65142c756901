package io.github.scansante.site;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.EchoText;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The site's form beside the built-in catalogue, code by code: which side offers it, and whether
 * their labels say the same words. A differing label is harmless (the echo is checked against the
 * catalogue's wording) but worth knowing; an empty one is a label the form's markup did not let
 * us tell apart.
 */
public final class FormComparison {

  /** One code of one field. */
  public record Entry(String field, String code, String where, String formLabel, String builtInLabel) {

    public boolean labelUnreadable() {
      return !where.equals(BUILT_IN) && EchoText.words(formLabel).isEmpty();
    }

    public boolean labelsDiffer() {
      return where.equals(BOTH) && !labelUnreadable() && !EchoText.sameWords(formLabel, builtInLabel);
    }

    /** The label to show: the form's when readable, else the catalogue's. */
    public String label() {
      return EchoText.words(formLabel).isEmpty() ? builtInLabel : formLabel;
    }
  }

  public static final String BOTH = "both";
  public static final String FORM = "form";
  public static final String BUILT_IN = "built-in";

  private final List<Entry> entries = new ArrayList<>();

  public FormComparison(Catalogue builtIn, Catalogue form) {
    TreeSet<String> fields = new TreeSet<>(builtIn.fields());
    fields.addAll(form.fields());
    for (String field : fields) {
      TreeSet<String> codes = new TreeSet<>(builtIn.codes(field));
      codes.addAll(form.codes(field));
      for (String code : codes) {
        String where = form.offers(field, code) && builtIn.offers(field, code) ? BOTH
            : form.offers(field, code) ? FORM : BUILT_IN;
        entries.add(new Entry(field, code, where, form.label(field, code).orElse(""), builtIn.label(field, code).orElse("")));
      }
    }
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public List<Entry> unreadableLabels() {
    return entries.stream().filter(Entry::labelUnreadable).toList();
  }

  public List<Entry> differingLabels() {
    return entries.stream().filter(Entry::labelsDiffer).toList();
  }

  /** Codes only one side has. */
  public List<Entry> oneSided() {
    return entries.stream().filter(e -> !e.where().equals(BOTH)).toList();
  }
}
