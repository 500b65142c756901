package io.github.scansante.database;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The types the database tables use, with each engine's spelling (in DDL and as information_schema
 * reports it) and how a CSV cell becomes a value. An empty cell is NULL except in text, where it
 * stays empty: NULL then always means "no number" (masked or NA), never "no text". Times keep
 * microseconds, the precision both DuckDB and PostgreSQL store.
 */
enum SqlType {
  TEXT("VARCHAR", "VARCHAR", "TEXT", "text"),
  INTEGER("BIGINT", "BIGINT", "BIGINT", "bigint"),
  DOUBLE("DOUBLE", "DOUBLE", "DOUBLE PRECISION", "double precision"),
  TIMESTAMP("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ", "timestamp with time zone"),
  DATE("DATE", "DATE", "DATE", "date"),
  BOOLEAN("BOOLEAN", "BOOLEAN", "BOOLEAN", "boolean");

  private final String duckDb;
  private final String duckDbReported;
  private final String postgres;
  private final String postgresReported;

  SqlType(String duckDb, String duckDbReported, String postgres, String postgresReported) {
    this.duckDb = duckDb;
    this.duckDbReported = duckDbReported;
    this.postgres = postgres;
    this.postgresReported = postgresReported;
  }

  String ddl(Engine engine) {
    return engine == Engine.DUCKDB ? duckDb : postgres;
  }

  /** As {@code information_schema.columns.data_type} names it. */
  String reported(Engine engine) {
    return engine == Engine.DUCKDB ? duckDbReported : postgresReported;
  }

  /**
   * DuckDB's expression turning the text column {@code quoted} of a CSV read as text into this type;
   * decimals may use a comma (the excel-fr dialect).
   */
  String fromText(String quoted) {
    return switch (this) {
      case TEXT -> "coalesce(" + quoted + ", '')";
      case DOUBLE -> "CAST(replace(nullif(" + quoted + ", ''), ',', '.') AS DOUBLE)";
      default -> "CAST(nullif(" + quoted + ", '') AS " + duckDb + ")";
    };
  }

  /** The JDBC parameter for a CSV cell; decimals may use a comma (the excel-fr dialect). */
  Object parameter(String cell) {
    if (this == TEXT) {
      return cell == null ? "" : cell;
    }
    if (cell == null || cell.isEmpty()) {
      return null;
    }
    return switch (this) {
      case INTEGER -> Long.parseLong(cell);
      case DOUBLE -> Double.parseDouble(cell.replace(',', '.'));
      case TIMESTAMP -> Instant.parse(cell).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
      case DATE -> LocalDate.parse(cell);
      case BOOLEAN -> Boolean.parseBoolean(cell);
      case TEXT -> cell;
    };
  }

  /** The database engines the pipeline loads. */
  enum Engine { DUCKDB, POSTGRES }
}
