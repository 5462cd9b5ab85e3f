package com.requestworkflows.command.execution;

import com.requestworkflows.api.request.ExecutionAttempt;
import com.requestworkflows.api.request.RecordExecutionAttemptCommand;
import com.requestworkflows.api.request.RequestState;
import com.requestworkflows.api.request.RequestView;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Carries out due executions: claims them from the {@link ExecutionSchedule}, calls the loyalty platform on a pool
 * of its own (so a slow platform never holds up request handling) and reports each attempt to the request, which
 * decides what it means.
 */
@Component
public class ExecutionWorker {

    private static final Logger log = LoggerFactory.getLogger(ExecutionWorker.class);

    private final ExecutionSchedule schedule;
    private final EventSourcedRequests requests;
    private final ExecutionTargets targets;
    private final LoyaltyPlatformClient platform;
    private final CommandGateway commands;
    private final ExecutionProperties properties;
    private final ExecutorService calls;
    private final Semaphore free;

    public ExecutionWorker(ExecutionSchedule schedule, EventSourcedRequests requests, ExecutionTargets targets,
                           LoyaltyPlatformClient platform, CommandGateway commands, ExecutionProperties properties) {
        this.schedule = schedule;
        this.requests = requests;
        this.targets = targets;
        this.platform = platform;
        this.commands = commands;
        this.properties = properties;
        this.calls = Executors.newFixedThreadPool(properties.concurrency());
        this.free = new Semaphore(properties.concurrency());
    }

    @Scheduled(fixedDelayString = "${requests.execution.poll-interval:250ms}")
    void runDueExecutions() {
        int available = free.availablePermits();
        if (available == 0) {
            return;
        }
        // A claim outlives a call (its timeout, twice) so that it lapses only when the process has died.
        Duration lease = properties.timeout().multipliedBy(2).plusSeconds(5);
        for (ExecutionSchedule.DueExecution due : schedule.claimDue(available, lease)) {
            free.acquireUninterruptibly();
            calls.execute(() -> {
                try {
                    execute(due);
                } catch (RuntimeException e) {
                    log.warn("Execution attempt {} of request {} not recorded; it will be made again",
                            due.attempt(), due.requestId(), e);
                } finally {
                    free.release();
                }
            });
        }
    }

    private void execute(ExecutionSchedule.DueExecution due) {
        RequestView request = requests.current(due.requestId());
        if (request == null || request.state() != RequestState.EXECUTING) {
            return;
        }
        ExecutionAttempt attempt = targets.targetOf(request.requestType())
                .map(target -> platform.execute(target, request, due.attempt()))
                .orElseGet(() -> new ExecutionAttempt(due.attempt(), null, null,
                        "No target is configured any more for " + request.requestType()));
        boolean targetGone = !targets.configured(request.requestType());
        commands.sendAndWait(new RecordExecutionAttemptCommand(due.requestId(), due.round(), attempt,
                targetGone ? due.attempt() : properties.maxAttempts(),
                Instant.now().plus(properties.backoffAfter(due.attempt()))));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        calls.shutdown();
        calls.awaitTermination(properties.timeout().toSeconds() + 1, TimeUnit.SECONDS);
    }
}
