package io.github.scansante.replica;

import java.util.List;

/**
 * What a results page shows: the criteria echo (an empty line is the blank line the site prints
 * for a grouping it did not recognise), whether the table has the séances column, the "Période"
 * of the year, and the establishments' rows.
 */
record ResultsPageContent(List<String> echo, boolean seancesColumn, String period, List<SyntheticDataset.Row> rows) {}
