package com.mspscorecard.importing.raw;

/**
 * A client as the PSA wrote it.
 *
 * @param name the company name, or null when the layout gives only a reference
 * @param ref  the PSA's company id, or null
 */
public record ClientKey(String name, String ref) {
}
