/**
 * Numbers as people type them: the one reader every input path uses (the client form, the month
 * form, the monthly entry grid, a CSV import, later raw PSA exports). Pure Java: no Spring, no database.
 * Start at {@link com.mspscorecard.numbers.NumberReader}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reading numbers")
package com.mspscorecard.numbers;
