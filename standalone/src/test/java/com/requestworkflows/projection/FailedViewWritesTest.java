package com.requestworkflows.projection;

import com.requestworkflows.query.projection.ViewCollections;
import com.requestworkflows.support.Payloads;
import com.requestworkflows.support.Requests;
import com.requestworkflows.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

/** A view write that fails is tried again until it goes through: no view ever misses a change. */
class FailedViewWritesTest extends ServiceTest {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("requests.data-dir", () -> dataDirectory.toString());
    }

    @MockitoSpyBean
    MongoTemplate mongo;

    @Test
    void aRequestWhoseViewWriteFailedStillReachesTheInbox() {
        AtomicInteger failures = new AtomicInteger();
        doAnswer(call -> {
            if (failures.getAndIncrement() < 2) {
                throw new IllegalStateException("view store unreachable");
            }
            return call.callRealMethod();
        }).when(mongo).bulkOps(any(BulkOperations.BulkMode.class), eq(ViewCollections.REQUESTS));

        String id = requests.submit("maker1", Payloads.earnBadge()).field("requestId");

        await().atMost(Requests.VIEW_TIMEOUT).untilAsserted(() ->
                assertThat(requests.inbox("checker1", "")).contains(id));
        assertThat(failures.get()).isGreaterThan(2);
    }
}
