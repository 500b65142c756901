package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

  @Test
  void decodesUtf8AndKeepsTheFirstValue() {
    assertEquals(Map.of("racine", "01C03", "zone", "CÔTE D'OR", "GP", "", "x", ""),
        QueryParams.parse("racine=01C03&zone=C%C3%94TE+D%27OR&GP=&x&&racine=02C05"));
    assertEquals(Map.of(), QueryParams.parse(""));
    assertEquals(Map.of(), QueryParams.parse(null));
  }
}
