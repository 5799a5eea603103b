package com.mspscorecard.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything a report's template shows, as the model attribute {@code report}. The client-facing
 * version is built without {@code internal} and with the review's {@code topics}: what the client
 * must not read is not even handed to its template.
 *
 * @param topics   bundle keys {@code reports.topic.*} (client version only)
 * @param internal null in the client-facing version
 */
record ClientReport(Audience audience, String clientName, YearMonth month, LocalDate preparedOn,
                    String accountManager, ServiceFigures service, List<String> topics, InternalFigures internal) {
}
