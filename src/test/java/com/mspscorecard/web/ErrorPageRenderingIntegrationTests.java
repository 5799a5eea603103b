package com.mspscorecard.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The error pages for statuses a test cannot easily cause on a live server (an upload over the
 * limit, a server error), rendered as the container's error dispatch asks for them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPageRenderingIntegrationTests {

    @Autowired
    MockMvc mvc;

    private ResultActions errorDispatch(int status, String uri, String language) throws Exception {
        return mvc.perform(get("/error").with(user("render-owner").roles("OWNER"))
                .with(request -> {
                    request.setDispatcherType(DispatcherType.ERROR);
                    return request;
                })
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, uri)
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                .cookie(new Cookie("scorecard-lang", language)).accept(MediaType.TEXT_HTML));
    }

    @Test
    void anUploadOverTheLimitShowsItsOwnPageInEnglishAndItalian() throws Exception {
        errorDispatch(413, "/imports", "en").andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Upload too large")))
                .andExpect(content().string(containsString("Error code 413")))
                .andExpect(content().string(not(containsString("??"))));
        errorDispatch(413, "/imports", "it").andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("Caricamento troppo grande")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void aServerErrorShowsNoDetailInEitherLanguage() throws Exception {
        errorDispatch(500, "/scorecards", "en").andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong")))
                .andExpect(content().string(not(containsString("secret detail"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("??"))));
        errorDispatch(500, "/scorecards", "it").andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Si è verificato un errore")));
    }

    @Test
    void aStatusWithoutWordsOfItsOwnReadsAsTheGenericPage() throws Exception {
        errorDispatch(409, "/clients/1", "it").andExpect(status().isConflict())
                .andExpect(content().string(containsString("Richiesta non elaborata")))
                .andExpect(content().string(containsString("Codice di errore 409")));
    }

    @Test
    void theApiGetsProblemJsonForAServerError() throws Exception {
        errorDispatch(500, "/api/v1/scorecards", "en").andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(jsonPath("$.instance").value("/api/v1/scorecards"))
                .andExpect(content().string(not(containsString("secret detail"))));
    }
}
