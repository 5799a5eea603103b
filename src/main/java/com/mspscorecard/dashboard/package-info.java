/**
 * What the owner looks at: the dashboard ({@code /}), the scored clients list ({@code /scorecards}),
 * a client's scorecard ({@code /clients/{id}/scorecard}) and the Pareto page ({@code /pareto}).
 *
 * <p>Read-only over the scoring module's stored scorecards and the bulk read APIs of clients,
 * metrics and incidents; a page costs a fixed handful of queries whatever the number of clients.
 * Other modules may show a client's scorecard with {@link com.mspscorecard.dashboard.ClientScorecards}
 * and the fragment {@code dashboard/scorecard :: scorecard}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard and scorecard pages")
package com.mspscorecard.dashboard;
