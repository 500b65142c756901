package io.github.scansante.plan;

import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A named sequence of combinations, generated lazily each time it is iterated so that a plan of
 * hundreds of thousands of combinations never sits in memory.
 */
public final class Plan implements Iterable<Combination> {

  private final String name;
  private final Supplier<Stream<Combination>> combinations;

  public Plan(String name, Supplier<Stream<Combination>> combinations) {
    this.name = name;
    this.combinations = combinations;
  }

  public String name() {
    return name;
  }

  public Stream<Combination> stream() {
    return combinations.get();
  }

  @Override
  public Iterator<Combination> iterator() {
    return stream().iterator();
  }

  /** Counts by generating, without keeping anything. */
  public long size() {
    return stream().count();
  }
}
