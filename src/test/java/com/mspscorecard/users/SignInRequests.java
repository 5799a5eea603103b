package com.mspscorecard.users;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MvcResult;
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

    /**
     * The session cookie a sign-in set. Sessions are Spring Session's, found by this cookie as a
     * browser sends it, not by the servlet container's session that MockMvc would pass along.
     */
    static Cookie sessionCookie(MvcResult signedIn) {
        Cookie cookie = signedIn.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new AssertionError("No SESSION cookie in the answer to the sign-in");
        }
        return cookie;
    }
}
