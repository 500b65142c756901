package io.github.scansante.run;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieStore;

/**
 * The cookie store camel-http is given once for all: it reads and writes the cookies of the run in
 * progress, so that each run has a session of its own. Outside a run, cookies are kept nowhere.
 */
public final class SessionCookies implements CookieStore {

  private final Supplier<Optional<CookieStore>> current;

  public SessionCookies(Supplier<Optional<CookieStore>> current) {
    this.current = current;
  }

  private CookieStore store() {
    return current.get().orElseGet(BasicCookieStore::new);
  }

  @Override
  public void addCookie(Cookie cookie) {
    store().addCookie(cookie);
  }

  @Override
  public List<Cookie> getCookies() {
    return store().getCookies();
  }

  @Override
  @SuppressWarnings("deprecation")
  public boolean clearExpired(Date date) {
    return store().clearExpired(date);
  }

  @Override
  public boolean clearExpired(Instant date) {
    return store().clearExpired(date);
  }

  @Override
  public void clear() {
    store().clear();
  }
}
