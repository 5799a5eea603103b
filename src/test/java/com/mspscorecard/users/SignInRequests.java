package com.mspscorecard.users;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sign-in requests as they arrive from a given client address. */
final class SignInRequests {

    private SignInRequests() {
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
        return post("/login").with(csrf()).with(from(address)).param("username", username).param("password", password);
    }
}
