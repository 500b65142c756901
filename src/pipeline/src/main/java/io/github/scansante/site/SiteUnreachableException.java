package io.github.scansante.site;

/** The run gives up on a site that does not answer; its journal stays for the next run to resume. */
public final class SiteUnreachableException extends RuntimeException {

  public SiteUnreachableException(String site, String cause, String how) {
    super("the site " + site + " is unreachable (" + cause + "): " + how);
  }
}
