package com.requestworkflows.flow;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/** The lifecycle on the embedded default: an H2 file event store and the embedded MongoDB-compatible server. */
class EmbeddedStoresFlowTest extends RequestLifecycleFlowTests {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }
}
