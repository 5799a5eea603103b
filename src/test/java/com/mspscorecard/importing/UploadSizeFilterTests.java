package com.mspscorecard.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UploadSizeFilterTests {

    private final UploadSizeFilter filter = new UploadSizeFilter();

    @Test
    void anUploadOverTheMultipartLimitGoesBackToTheImportPageWithAMessage() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("/imports", UploadSizeFilter.MAX_REQUEST_BYTES + 1), response, chain);
        assertThat(response.getRedirectedUrl()).isEqualTo("/imports?too_large");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void theApiAnswers413AsProblemJson() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request("/api/v1/imports", UploadSizeFilter.MAX_REQUEST_BYTES + 1), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413").contains("larger than 20 MB")
                .contains("\"code\":\"file.too_large\"");
    }

    @Test
    void anUploadWithinTheLimitPassesThrough() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request("/imports", 1000), new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }

    private static MockHttpServletRequest request(String uri, long length) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri) {
            @Override
            public long getContentLengthLong() {
                return length;
            }
        };
        return request;
    }
}
