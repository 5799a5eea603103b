package com.mspscorecard.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.mspscorecard.importing.raw.Samples;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The synthetic sample exports, one per PSA preset and kind, downloadable from the import page. */
@Controller
@PreAuthorize("hasAnyRole('OWNER','ACCOUNT_MANAGER')")
class PsaSamplesController {

    /** The file names the import page lists. */
    static List<String> names() {
        return Samples.all().stream().map(Samples.Sample::fileName).toList();
    }

    @GetMapping("/imports/psa/samples/{name}")
    ResponseEntity<byte[]> sample(@PathVariable String name) throws IOException {
        Optional<Samples.Sample> sample = Samples.all().stream().filter(s -> s.fileName().equals(name)).findFirst();
        if (sample.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        byte[] content;
        try (InputStream in = sample.get().open()) {
            content = in.readAllBytes();
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(sample.get().fileName()).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(content);
    }
}
