package com.mspscorecard.web;

/** The JSON API lives under {@code /api/}: there errors are problem+json, elsewhere pages. */
final class ApiRequests {

    private ApiRequests() {
    }

    static boolean isApi(String contextPath, String requestUri) {
        return requestUri.startsWith(contextPath + "/api/");
    }
}
