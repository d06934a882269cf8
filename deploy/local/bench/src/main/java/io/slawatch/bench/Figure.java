package io.slawatch.bench;

/** One measured figure, as a row of the report. */
record Figure(String measure, String value, String note) {}
