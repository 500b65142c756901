package io.github.scansante.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinessLocationTest {

  @Test
  void metropolitan_numbers_are_located_by_their_first_two_characters() {
    assertEquals(Optional.of("75"), FinessLocation.department("750712184"));
    assertEquals(Optional.of("01"), FinessLocation.department("010780054"));
    assertEquals(Optional.of("2A"), FinessLocation.department("2A0000014"));
    assertEquals(Optional.of("2B"), FinessLocation.department("2b0000020"));
  }

  @Test
  void overseas_numbers_are_read_in_both_of_their_spellings() {
    assertEquals(Optional.of("971"), FinessLocation.department("971000013"));
    assertEquals(Optional.of("971"), FinessLocation.department("970100228"));
    assertEquals(Optional.of("974"), FinessLocation.department("970408589"));
    assertEquals(Optional.of("976"), FinessLocation.department("976000021"));
  }

  @Test
  void anything_that_is_not_a_finess_number_is_located_nowhere() {
    assertEquals(Optional.empty(), FinessLocation.department(""));
    assertEquals(Optional.empty(), FinessLocation.department(null));
    assertEquals(Optional.empty(), FinessLocation.department("Total"));
    assertEquals(Optional.empty(), FinessLocation.department("75071218"));
    assertEquals(Optional.empty(), FinessLocation.department("2C0000014"));
  }
}
