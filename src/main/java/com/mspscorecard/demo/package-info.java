/**
 * The demo portfolio: forty made-up clients with two years of figures and incidents, loaded into an
 * empty installation from {@code /setup} (through {@link com.mspscorecard.users.DemoPortfolio}) or
 * with {@code --scorecard.demo=true}, then scored through scoring's full rescore. A module of its
 * own so that scoring holds only scoring; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo portfolio")
package com.mspscorecard.demo;
