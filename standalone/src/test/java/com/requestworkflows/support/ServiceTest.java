package com.requestworkflows.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the running service through its real HTTP stack, with the test profile's users. Each subclass
 * declares its own stores and settings in a {@code @DynamicPropertySource}, so each gets a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;

    protected ApiClient api;
    protected Requests requests;

    @BeforeEach
    void connectToTheService() {
        api = new ApiClient("http://localhost:" + port);
        requests = new Requests(api);
    }
}
