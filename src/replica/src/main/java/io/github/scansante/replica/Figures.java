package io.github.scansante.replica;

/**
 * Activity sums for one establishment (or a total) over a set of planning groups: stays in full
 * (hc) and partial (hp) hospitalisation, séances, and the sums the averages are computed from.
 * {@code men} and {@code ageSum} cover stays and séances; {@code days} and {@code deaths} stays only.
 */
public record Figures(long hc, long hp, long seances, long men, long ageSum, long days, long deaths) {

  public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0);

  /** The site's "Nombre de séjours séances total": stays, séances being counted apart. */
  public long stays() {
    return hc + hp;
  }

  /** Everyone counted in the sex ratio and the mean age. */
  public long persons() {
    return hc + hp + seances;
  }

  public boolean isEmpty() {
    return persons() == 0;
  }

  public Figures plus(Figures o) {
    return new Figures(hc + o.hc, hp + o.hp, seances + o.seances, men + o.men, ageSum + o.ageSum,
        days + o.days, deaths + o.deaths);
  }
}
