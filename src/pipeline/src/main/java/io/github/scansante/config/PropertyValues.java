package io.github.scansante.config;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads properties through one resolver and checks each value as it is read: every failure is an
 * {@link InvalidSettingException} naming the key, the value and what is allowed.
 */
public final class PropertyValues {

  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,9}(\\.\\d{1,9})?");

  private final Function<String, Optional<String>> resolver;
  private final Set<String> keys;

  /**
   * @param resolver the value of a key, placeholders resolved, overrides applied
   * @param keys the keys the properties files define
   */
  public PropertyValues(Function<String, Optional<String>> resolver, Set<String> keys) {
    this.resolver = resolver;
    this.keys = Set.copyOf(keys);
  }

  /** The keys application.properties defines: what {@code --set} may change. */
  public Set<String> keys() {
    return keys;
  }

  public String text(String key) {
    return resolver.apply(key).map(String::strip)
        .orElseThrow(() -> new InvalidSettingException(key, key + " is missing; add it to application.properties"));
  }

  public String nonBlank(String key, String allowed) {
    String value = text(key);
    if (value.isEmpty()) {
      throw new InvalidSettingException(key, value, allowed);
    }
    return value;
  }

  public String matching(String key, Pattern pattern, String allowed) {
    String value = text(key);
    if (!pattern.matcher(value).matches()) {
      throw new InvalidSettingException(key, value, allowed);
    }
    return value;
  }

  /** A whole number from min to max; {@code unit} says what it counts, e.g. "milliseconds". */
  public long whole(String key, long min, long max, String unit) {
    String value = text(key);
    String allowed = "use a whole number from " + min + " to " + max + " " + unit + describe(max, unit);
    if (!WHOLE.matcher(value).matches()) {
      throw new InvalidSettingException(key, value, allowed);
    }
    long n = Long.parseLong(value);
    if (n < min || n > max) {
      throw new InvalidSettingException(key, value, allowed);
    }
    return n;
  }

  public long anyWhole(String key) {
    String value = text(key);
    if (!WHOLE.matcher(value).matches()) {
      throw new InvalidSettingException(key, value, "use a whole number");
    }
    return Long.parseLong(value);
  }

  public int wholeInt(String key, int min, int max, String unit) {
    return (int) whole(key, min, max, unit);
  }

  public double decimal(String key, double min, double max) {
    String value = text(key);
    String allowed = "use a number from " + min + " to " + max;
    if (!DECIMAL.matcher(value).matches()) {
      throw new InvalidSettingException(key, value, allowed);
    }
    double d = Double.parseDouble(value);
    if (d < min || d > max) {
      throw new InvalidSettingException(key, value, allowed);
    }
    return d;
  }

  public boolean bool(String key) {
    String value = text(key);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidSettingException(key, value, "use true or false");
    };
  }

  /** One of the enum's constants, written in lower case. */
  public <E extends Enum<E>> E choice(String key, Class<E> type) {
    String value = text(key);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : " or ").append(constant.name().toLowerCase(Locale.ROOT));
    }
    throw new InvalidSettingException(key, value, "use " + names);
  }

  public Charset charset(String key) {
    String value = text(key);
    try {
      return Charset.forName(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(key, value, "use a charset name this Java knows, such as UTF-8");
    }
  }

  public ZoneId zone(String key) {
    String value = text(key);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new InvalidSettingException(key, value, "use a time-zone name such as Europe/Paris");
    }
  }

  /** Adds a friendlier reading of large millisecond bounds: "(10 min)". */
  private static String describe(long max, String unit) {
    if (!unit.equals("milliseconds") || max < 60_000 || max % 60_000 != 0) {
      return "";
    }
    long minutes = max / 60_000;
    return minutes % 60 == 0 ? " (" + minutes / 60 + " h)" : " (" + minutes + " min)";
  }
}
